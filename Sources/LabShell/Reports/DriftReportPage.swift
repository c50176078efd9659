import Foundation
import PipelineEngine

/// `report drift` as a page: the verdict, then per column the method, statistic, p-value or
/// distance, threshold and verdict, with reference and current distributions side by side;
/// drifted columns first, as Evidently's drift report orders them.
enum DriftReportPage {
    static func render(_ report: DriftReport, reference: String, current: String, now: Date = Date()) -> String {
        var page = HTMLPage(
            title: "Drift: \(current) against \(reference)",
            subtitle: "\(report.referenceRows) reference rows, \(report.currentRows) current rows · report made "
                + RunReportPage.timestamp(now))
        page.section(
            "Verdict", id: "verdict",
            "<div class=\"cards\">"
                + RunReportPage.card(
                    "dataset",
                    HTML.badge(report.datasetDrift ? "drifted" : "no drift", tone: report.datasetDrift ? .bad : .good))
                + RunReportPage.card(
                    "columns drifted",
                    HTML.figure("drifted_columns", Double(report.driftedColumns), shown: "\(report.driftedColumns)")
                        + " of \(report.testedColumns)")
                + RunReportPage.card(
                    "share drifted",
                    HTML.figure("share_drifted", report.shareDrifted, shown: HTML.percent(report.shareDrifted)))
                + "</div><p>The dataset counts as drifted when at least \(HTML.percent(report.driftShare)) of the "
                + "tested columns drift. A small p-value on a large sample can come from a tiny shift: read the "
                + "effect size beside it.</p>")
        let ordered = order(report.columns)
        page.section("Columns", id: "columns", table(ordered))
        let figures = ordered.enumerated().compactMap { index, result -> String? in
            guard let histogram = result.histogram else { return nil }
            let name = title(result)
            return ChartFigure(
                id: "drift-\(name)",
                title: "\(name): \(result.drifted ? "drifted" : result.verdict == .skipped ? "skipped" : "no drift")",
                description: "Share of rows per bucket in the reference (solid) and current (hatched) data, "
                    + "\(histogram.labels.count) buckets.",
                svg: PairedBars.draw(
                    labels: histogram.labels, reference: histogram.reference, current: histogram.current,
                    patternID: "hatch-\(index)"),
                alternative: PairedBars.table(
                    labels: histogram.labels, reference: histogram.reference, current: histogram.current)
            ).render()
        }
        page.section("Distributions", id: "distributions", "<div class=\"grid\">" + figures.joined() + "</div>")
        return page.render()
    }

    /// Drifted first, then not drifted, then skipped; by p-value or distance within each.
    static func order(_ columns: [DriftColumnResult]) -> [DriftColumnResult] {
        let rank: (DriftColumnResult) -> Int = { $0.drifted ? 0 : $0.verdict == .noDrift ? 1 : 2 }
        return columns.enumerated().sorted { a, b in
            (rank(a.element), a.offset) < (rank(b.element), b.offset)
        }.map(\.element)
    }

    static func title(_ result: DriftColumnResult) -> String {
        result.aspect.map { "\(result.column) (\($0))" } ?? result.column
    }

    static func table(_ columns: [DriftColumnResult]) -> String {
        HTML.table(
            ["column", "method", "statistic", "p-value", "threshold", "effect size", "verdict"],
            columns.map { result in
                let key = "column.\(title(result))"
                let tone: HTML.Tone = result.drifted ? .bad : result.verdict == .skipped ? .neutral : .good
                return [
                    "<code>\(HTML.escape(title(result)))</code>",
                    HTML.escape(result.method?.rawValue ?? "–"),
                    HTML.figure("\(key).statistic", result.statistic),
                    HTML.figure("\(key).p_value", result.pValue),
                    HTML.figure("\(key).threshold", result.threshold, shown: DriftReport.threshold(result)),
                    result.effectSize.map { HTML.escape(DriftReport.effect($0)) }
                        ?? "–",
                    HTML.badge(result.verdict.rawValue.replacingOccurrences(of: "_", with: " "), tone: tone)
                        + (result.reason.map { "<br><small>\(HTML.escape($0))</small>" } ?? ""),
                ]
            })
    }
}
