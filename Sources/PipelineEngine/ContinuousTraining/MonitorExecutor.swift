import Foundation
import LabSupport

/// Runs a pipeline's `monitor` stage: a drift check that fails the stage when inputs moved.
///
/// With `data` and `reference` it compares the two files, as `drift` does (identifier columns
/// left out). Without them it
/// watches production as `monitor` does: the three days ending today against the reference
/// week, and the live accuracy over `window` (default 7d) from the served requests whose
/// labels are back. Either way it fails when some feature's drift crosses `threshold` (the
/// method's default unless given) by `method` (default psi).
struct MonitorExecutor: StageExecutor {
    /// Production changes every day: the day monitored is an input, so a new day reruns it.
    func externalInputs(for stage: StageDefinition, in context: StageContext) throws -> [String: String] {
        guard stage.text("data") == nil else { return [:] }
        let production = try ProductionView(workspace: context.workspace)
        return ["production day": String(production.today), "scenario": production.scenario.name]
    }

    func run(_ stage: StageDefinition, in context: StageContext) throws -> StageOutcome {
        let method = try DriftMethod.parse(stage.text("method") ?? "psi")
        let threshold = try stage.text("threshold").map { text -> Double in
            guard let value = Double(text) else {
                throw LabError(
                    .pipelineBadThreshold,
                    "stage '\(stage.name)' has threshold '\(text)'; expected a number such as 0.2")
            }
            return value
        }
        let drifts: [FeatureDrift]
        var skewed: [FeatureDrift] = []
        var metrics: [String: Double] = [:]
        var scope: String
        if let data = stage.text("data"), let reference = stage.text("reference") {
            let referenceTable = try StageData.table(at: try context.path(reference), named: reference)
            // Identifiers (every value distinct) always "drift"; they are left out, as train leaves them out.
            let identifiers = Trainer.identifierColumns(
                TrainingRequest(train: referenceTable, target: "", dataHash: ""))
            let report = try DriftDetector.compare(
                reference: referenceTable, current: try StageData.table(at: try context.path(data), named: data),
                options: DriftOptions(
                    method: method, columns: referenceTable.columnNames.filter { !identifiers.contains($0) },
                    threshold: threshold))
            drifts = report.columns.compactMap { result in
                guard let statistic = result.statistic, let used = result.method, let limit = result.threshold else {
                    return nil
                }
                return FeatureDrift(
                    column: result.column, method: used, statistic: statistic, pValue: result.pValue,
                    threshold: limit, drifted: result.drifted)
            }
            scope = "\(data) against \(reference)"
        } else {
            let window = try SimulatedDuration(parsing: stage.text("window") ?? "7d")
            let report = try ProductionMonitor(workspace: context.workspace).report(
                window: window, method: method, threshold: threshold)
            drifts = report.days.last?.drift ?? []
            skewed = (report.days.last(where: { !$0.skew.isEmpty })?.skew ?? []).filter(\.drifted)
            let labelled = report.days.map(\.labelled).reduce(0, +)
            if labelled > 0 {
                metrics["live_accuracy"] = Double(report.days.map(\.correct).reduce(0, +)) / Double(labelled)
            }
            scope = "production up to \(report.days.last?.date ?? "today") against \(report.reference)"
        }
        if let largest = drifts.map(\.statistic).max(), !method.isTest { metrics["max_drift"] = largest }
        let drifted = drifts.filter(\.drifted)
        var summary = "\(drifts.count) features checked by \(method.rawValue), \(drifted.count) drifted (\(scope))"
        if !skewed.isEmpty { summary += ", \(skewed.count) skewed from the training data" }
        let skewText = skewed.map {
            "\($0.column) \(String(format: "%.3f", method.isTest ? $0.pValue ?? 1 : $0.statistic))"
        }
        if drifted.isEmpty, !skewed.isEmpty {
            return StageOutcome(
                failure:
                    "training-serving skew in \(skewText.joined(separator: ", ")) (features served against the training data)",
                summary: summary, metrics: metrics, work: Double(drifts.count))
        }
        guard drifted.isEmpty else {
            let names = drifted.map {
                "\($0.column) \(String(format: "%.3f", method.isTest ? $0.pValue ?? 1 : $0.statistic))"
            }
            return StageOutcome(
                failure: "drift in \(names.joined(separator: ", ")) (\(scope))", summary: summary,
                metrics: metrics, work: Double(drifts.count))
        }
        return StageOutcome(summary: summary, metrics: metrics, work: Double(drifts.count))
    }
}
