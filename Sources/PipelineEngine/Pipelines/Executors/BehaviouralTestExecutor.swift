import Foundation

/// Runs a `test` stage: the behavioural tests of its `spec` on the stage's model (by default
/// the upstream train stage's), changing the rows of its `data`; a failed required test fails
/// the stage, an advisory one is only reported.
struct BehaviouralTestExecutor: StageExecutor {
    func run(_ stage: StageDefinition, in context: StageContext) throws -> StageOutcome {
        let specName = stage.text("spec") ?? ""
        let modelName = stage.text("model") ?? ""
        let tests = try BehaviouralSpecReader.load(path: try context.path(specName), named: specName)
        let model = try StageData.model(at: try context.path(modelName), named: modelName)
        let table = try stage.text("data").map { try StageData.table(at: try context.path($0), named: $0) }
        context.progress(0.3, "running \(tests.count) behavioural tests")
        let report = try BehaviouralTestRunner(model: model, data: table, specFile: specName).run(tests)
        let failed = report.results.filter { !$0.passed }
        let blocking = failed.filter(\.required)
        let summary =
            "\(report.results.count - failed.count) of \(report.results.count) behavioural tests passed"
            + (failed.count > blocking.count ? " (\(failed.count - blocking.count) advisory failed)" : "")
        let failure =
            blocking.isEmpty
            ? nil
            : blocking.map { "required test '\($0.name)' failed: \($0.failingRows) of \($0.rowsTested) rows" }
                .joined(separator: "; ")
        let rows = report.results.reduce(0) { $0 + $1.rowsTested }
        return StageOutcome(
            failure: failure, summary: summary,
            metrics: [
                "tests_passed": Double(report.results.count - failed.count), "tests_failed": Double(failed.count),
            ],
            payload: try StageData.json(report), work: Double(max(1, rows) * max(1, model.features.count)))
    }
}
