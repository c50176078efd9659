import Foundation

/// Runs a `validate` stage: the stage's expectation suite on its CSV; any failed expectation
/// fails the stage, so bad data never reaches training.
struct ValidateExecutor: StageExecutor {
    func run(_ stage: StageDefinition, in context: StageContext) throws -> StageOutcome {
        let dataPath = try context.path(stage.text("data") ?? "")
        let suitePath = try context.path(stage.text("suite") ?? "")
        context.progress(0.1, "reading \(stage.text("data") ?? "")")
        let table = try StageData.table(at: dataPath, named: stage.text("data") ?? "")
        let suite = try StageData.naming(suitePath, as: stage.text("suite") ?? "") {
            try ExpectationSuite.load(file: suitePath)
        }
        context.progress(0.5, "checking \(suite.expectations.count) expectations")
        let report = suite.validate(table)
        let failed = report.results.filter { !$0.success }
        let metrics: [String: Double] = ["rows": Double(report.rows), "failed_expectations": Double(failed.count)]
        let summary = "\(report.successful) of \(report.results.count) expectations passed on \(report.rows) rows"
        let failure =
            failed.isEmpty
            ? nil
            : "\(failed.count) of \(report.results.count) expectations failed: "
                + failed.map(\.message).joined(separator: "; ")
        return StageOutcome(
            failure: failure, summary: summary, metrics: metrics, payload: try StageData.json(report),
            work: Double(report.rows * max(1, report.results.count)))
    }
}
