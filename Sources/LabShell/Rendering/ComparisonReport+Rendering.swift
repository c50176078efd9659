import Foundation
import PipelineEngine

extension ComparisonReport {
    /// The comparison: both models' scores, the paired evidence, and the decision with its reason.
    func render(_ style: TerminalStyle) -> String {
        let result = comparison
        var lines = [
            "Compared challenger \(style.bold(challenger.file)) with champion \(style.bold(champion.file))"
                + " on \(result.rows) rows of \(data)"
        ]
        if skippedRows > 0 { lines.append(style.yellow("  \(skippedRows) rows skipped: no target value")) }
        lines.append("")
        lines.append(modelTable(style))
        lines.append("")
        switch result.evidence {
        case .mcnemar(let counts): lines.append(contentsOf: pairedRows(counts, style))
        case .pairedT(let test): lines.append(contentsOf: pairedErrors(test, style))
        }
        lines.append("")
        let ok = result.decision != .worse
        lines.append(
            result.decision == .inconclusive ? style.yellow(result.reason) : style.verdict(result.reason, ok: ok))
        return lines.joined(separator: "\n")
    }

    /// One row a model: its file, kind, short hash and score.
    func modelTable(_ style: TerminalStyle) -> String {
        let result = comparison
        let isAccuracy = result.metric == .accuracy
        var table = TextTable(
            headers: ["MODEL", "FILE", "KIND", "HASH"] + (isAccuracy ? ["RIGHT", "ACCURACY"] : ["MAE"]),
            rightAligned: isAccuracy ? [4, 5] : [4])
        var right: [Int] = []
        if case .mcnemar(let counts) = result.evidence { right = [counts.championRight, counts.challengerRight] }
        for (i, (role, model, value)) in [
            ("champion", champion, result.championValue), ("challenger", challenger, result.challengerValue),
        ].enumerated() {
            table.append(
                [role, model.file, model.kind.rawValue, MetricsRendering.short(model.hash)]
                    + (isAccuracy ? [String(right[i]), MetricsRendering.number(value)] : [NumberText.short(value)]))
        }
        return table.render(style)
    }

    /// The 2 × 2 table of right and wrong rows, then the difference, its interval and McNemar's p.
    func pairedRows(_ counts: PairedCounts, _ style: TerminalStyle) -> [String] {
        let result = comparison
        var table = TextTable(headers: ["", "CHALLENGER RIGHT", "CHALLENGER WRONG"], rightAligned: [1, 2])
        table.append(["champion right", String(counts.bothRight), "b = \(counts.onlyChampionRight)"])
        table.append(["champion wrong", "c = \(counts.onlyChallengerRight)", String(counts.neitherRight)])
        return [
            style.bold("Paired rows") + style.dim(" (only the rows one model gets right tell them apart)"),
            table.render(style),
            "",
            "  difference (c − b)/n  " + signed(result.difference),
            "  95 % interval         \(result.figure(result.interval.low)) to \(result.figure(result.interval.high))",
            "  p-value               \(pValue(result.pValue))" + style.dim("  McNemar's exact test, two-sided"),
            settings(style),
        ]
    }

    /// The mean difference of absolute errors, its interval and the paired t-test.
    func pairedErrors(_ test: PairedTTest, _ style: TerminalStyle) -> [String] {
        let result = comparison
        let t = test.statistic.map { String(format: "%.4f", $0) } ?? "–"
        return [
            style.bold("Paired absolute errors") + style.dim(" (champion's minus challenger's, row by row)"),
            "  mean difference  " + signed(result.difference),
            "  95 % interval    \(result.figure(result.interval.low)) to \(result.figure(result.interval.high))",
            "  t                \(t)" + style.dim("  with \(test.degreesOfFreedom) degrees of freedom"),
            "  p-value          \(pValue(result.pValue))" + style.dim("  paired t-test, two-sided"),
            settings(style),
        ]
    }

    func settings(_ style: TerminalStyle) -> String {
        style.dim(
            "  better when p < \(String(format: "%g", comparison.rule.alpha)) and the lead is at least "
                + String(format: "%g", comparison.rule.minImprovement))
    }

    func signed(_ value: Double) -> String {
        let text = comparison.figure(value)
        return value > 0 && !text.hasPrefix("-") && Double(text) != 0 ? "+" + text : text
    }

    /// Four significant digits; "< 1e-300" for a tail that underflows.
    func pValue(_ value: Double) -> String {
        value < 1e-300 ? "< 1e-300" : String(format: "%.4g", value)
    }
}
