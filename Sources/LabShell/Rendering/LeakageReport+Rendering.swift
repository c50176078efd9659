import Foundation
import PipelineEngine

extension LeakageReport {
    /// One line per check, ✓ or ✗, with examples under shared rows and ids, then a table of the
    /// features and the verdict.
    func render(_ style: TerminalStyle) -> String {
        var out = [
            style.bold("Leakage between \(train) (train) and \(test) (test)") + style.dim(" (target \(target))"),
            style.dim("train \(trainRows) rows · test \(testRows) rows"), "",
        ]
        let mark = { (passed: Bool) in passed ? style.green("✓") : style.red("✗") }
        let rows = sharedRows
        out.append(
            "\(mark(rows.testRowsInTrain == 0)) shared rows    "
                + (rows.testRowsInTrain == 0
                    ? "no test row is also in train"
                    : "\(rows.testRowsInTrain) of \(testRows) test rows are also in train "
                        + "(\(rows.distinctSharedRows) distinct)"))
        for example in rows.examples {
            out.append("    " + style.dim("test line \(example.testLine) = train line \(example.trainLine)"))
        }
        if let ids = sharedIDs {
            out.append(
                "\(mark(ids.testRowsWithTrainID == 0)) shared ids     "
                    + (ids.testRowsWithTrainID == 0
                        ? "no test id is also in train (column \(ids.column))"
                        : "\(ids.distinctSharedIDs) ids in both files, on \(ids.testRowsWithTrainID) test rows "
                            + "(column \(ids.column))"))
            for example in ids.examples {
                out.append(
                    "    "
                        + style.dim(
                            "\(ids.column) \(example.id): test line \(example.testLine), train line \(example.trainLine)"
                        ))
            }
        }
        let flagged = flaggedFeatures
        out.append(
            "\(mark(flagged.isEmpty)) target leakage "
                + (flagged.isEmpty
                    ? "no feature gives the target away on its own"
                    : "\(flagged.count) of \(features.count) features give the target away: "
                        + flagged.joined(separator: ", ")))
        if let aucNote { out.append("    " + style.yellow(aucNote)) }
        if let order = timeOrder {
            let earliest = order.earliestTestTime.map { ", earliest test \($0)" } ?? ""
            out.append(
                "\(mark(order.testRowsBeforeLatestTrain == 0)) time order     "
                    + (order.testRowsBeforeLatestTrain == 0
                        ? "no test row is before the latest training row"
                        : "\(order.testRowsBeforeLatestTrain) test rows are before the latest training row")
                    + style.dim(" (latest train \(order.latestTrainTime)\(earliest))"))
        }
        if !features.isEmpty { out += ["", featureTable(style)] }
        out += ["", leakageFound ? style.red("leakage found") : style.green("no leakage found")]
        return out.joined(separator: "\n")
    }

    private func featureTable(_ style: TerminalStyle) -> String {
        var table = TextTable(
            headers: ["FEATURE", "KIND", "ROWS", "AUC", "MAX(AUC,1−AUC)", "IN PURE CATEGORIES", "LEAKS"],
            rightAligned: [2, 3, 4, 5])
        let decimals = { (value: Double?) in value.map { String(format: "%.4f", $0) } ?? "" }
        for feature in features {
            var pure = ""
            if let share = feature.pureShare {
                pure =
                    NumberText.percent(share: share) + " (\(feature.pureCategories ?? 0) of \(feature.categories ?? 0))"
            }
            let leaks = feature.flagged ? style.red("yes") : (feature.note.map { style.dim($0) } ?? "no")
            table.append([
                feature.feature, feature.kind.rawValue, String(feature.rows), decimals(feature.auc),
                decimals(feature.separation), pure, leaks,
            ])
        }
        return table.render(style)
    }
}
