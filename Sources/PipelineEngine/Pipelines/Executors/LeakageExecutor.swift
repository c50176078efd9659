import Foundation

/// Runs a `leakage` stage: `data leakage` on the stage's training and test files.
///
/// Leakage fails the stage unless it says `required: false`, in which case it is reported
/// (advisory) and the run goes on.
struct LeakageExecutor: StageExecutor {
    func run(_ stage: StageDefinition, in context: StageContext) throws -> StageOutcome {
        let trainName = stage.text("train") ?? ""
        let testName = stage.text("test") ?? ""
        context.progress(0.1, "reading \(trainName) and \(testName)")
        let train = try StageData.table(at: try context.path(trainName), named: trainName)
        let test = try StageData.table(at: try context.path(testName), named: testName)
        context.progress(0.5, "looking for leakage")
        let report = try LeakageReport(
            train: train, test: test, target: stage.text("target") ?? "", id: stage.text("id"),
            time: stage.text("time"))
        let required = stage.text("required") != "false"
        var findings: [String] = []
        if report.sharedRows.testRowsInTrain > 0 {
            findings.append("\(report.sharedRows.testRowsInTrain) test rows also in \(trainName)")
        }
        if let ids = report.sharedIDs, ids.testRowsWithTrainID > 0 {
            findings.append("\(ids.distinctSharedIDs) ids in both files")
        }
        if !report.flaggedFeatures.isEmpty {
            findings.append("features that give the target away: " + report.flaggedFeatures.joined(separator: ", "))
        }
        if let order = report.timeOrder, order.testRowsBeforeLatestTrain > 0 {
            findings.append("\(order.testRowsBeforeLatestTrain) test rows before the latest training row")
        }
        let metrics: [String: Double] = [
            "test_rows_in_train": Double(report.sharedRows.testRowsInTrain),
            "shared_ids": Double(report.sharedIDs?.distinctSharedIDs ?? 0),
            "flagged_features": Double(report.flaggedFeatures.count),
            "test_rows_before_latest_train": Double(report.timeOrder?.testRowsBeforeLatestTrain ?? 0),
        ]
        let found = "leakage found: " + findings.joined(separator: "; ")
        let summary =
            findings.isEmpty
            ? "no leakage found between \(trainName) and \(testName)"
            : required
                ? "checked \(train.rowCount) training and \(test.rowCount) test rows" : found + " (advisory)"
        return StageOutcome(
            failure: findings.isEmpty || !required ? nil : found, summary: summary, metrics: metrics,
            payload: try StageData.json(report),
            work: Double((train.rowCount + test.rowCount) * max(1, train.columns.count)))
    }
}
