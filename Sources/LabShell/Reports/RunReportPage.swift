import Foundation
import PipelineEngine

/// `report run` as a page: the stage graph, each stage's status, reason, time and cost, the gate
/// verdicts, and the key metrics over all runs.
enum RunReportPage {
    static func render(_ data: RunReportData, now: Date = Date()) -> String {
        let run = data.run
        var page = HTMLPage(
            title: "Pipeline run #\(run.id)",
            subtitle: "\(run.pipeline) · \(run.status.rawValue) · started \(timestamp(run.startedAt)) · "
                + "report made \(timestamp(now))")
        let counts = ["ran", "cached", "failed", "skipped"].map { "\(run.stageCounts[$0] ?? 0) \($0)" }
        page.section(
            "Summary", id: "summary",
            "<div class=\"cards\">"
                + card("status", HTML.badge(run.status.rawValue, tone: run.status == .passed ? .good : .bad))
                + card("stages", HTML.escape(counts.joined(separator: " · ")))
                + card("time", HTML.figure("run.seconds", run.seconds, shown: String(format: "%.2f s", run.seconds)))
                + card("cost", HTML.figure("run.cost", run.cost, shown: String(format: "$%.4f", run.cost)))
                + card(
                    "saved by the cache",
                    HTML.figure("run.saved_cost", run.savedCost, shown: String(format: "$%.4f", run.savedCost)))
                + "</div>")
        let graph = ChartFigure(
            id: "stage-graph", title: "Stage graph",
            description: "Each stage of run #\(run.id) with the stages it needs on its left, and how it ended: "
                + data.stages.map { "\($0.name) \($0.status)" }.joined(separator: ", ") + ".",
            svg: StageGraph.draw(data.stages.map { .init(name: $0.name, needs: $0.needs, status: $0.status) }),
            alternative: HTML.table(
                ["stage", "needs", "status"],
                data.stages.map { [HTML.escape($0.name), HTML.escape($0.needs.joined(separator: ", ")), $0.status] }))
        page.section("Stages", id: "stages", graph.render() + stageTable(data.stages))
        page.section("Gates", id: "gates", gateTable(data.gates))
        page.section("Metrics over the runs", id: "metrics", trends(data.trends))
        return page.render()
    }

    static func stageTable(_ stages: [RunReportData.Stage]) -> String {
        HTML.table(
            ["stage", "kind", "status", "reason", "seconds", "cost"],
            stages.map { stage in
                [
                    "<code>\(HTML.escape(stage.name))</code>", HTML.escape(stage.kind),
                    HTML.badge(stage.status, tone: StageGraph.tone(stage.status)), HTML.escape(stage.reason),
                    HTML.figure(
                        "stage.\(stage.name).seconds", stage.seconds, shown: String(format: "%.3f", stage.seconds)),
                    HTML.figure("stage.\(stage.name).cost", stage.cost, shown: String(format: "$%.4f", stage.cost)),
                ]
            }, caption: "Time and cost per stage; a cached stage costs nothing and says which run it reused.")
    }

    static func gateTable(_ gates: [RunReportData.Gate]) -> String {
        guard !gates.isEmpty else { return "<p>This run judged no gates.</p>" }
        return HTML.table(
            ["stage", "gate", "verdict", "the numbers"],
            gates.map { gate in
                [
                    HTML.escape(gate.stage), "<code>\(HTML.escape(gate.name))</code>",
                    "<span data-key=\"gate.\(HTML.escape(gate.stage)).\(HTML.escape(gate.name))\" "
                        + "data-value=\"\(gate.status)\">"
                        + HTML.badge(
                            gate.status,
                            tone: gate.status == "passed" ? .good : gate.status == "failed" ? .bad : .neutral)
                        + "</span>",
                    HTML.escape(gate.message),
                ]
            })
    }

    static func trends(_ trends: [RunReportData.Trend]) -> String {
        guard !trends.isEmpty else { return "<p>No metrics were recorded in this run.</p>" }
        let figures = trends.map { trend in
            let points = trend.points.map { (x: Double($0.run), y: $0.value) }
            let last = trend.points.last.map { "latest \(HTML.number($0.value)) in run #\($0.run)" } ?? ""
            return ChartFigure(
                id: "metric-\(trend.metric)", title: trend.metric,
                description: "\(trend.metric) in each of \(trend.points.count) runs; \(last).",
                svg: LineChart.draw(
                    [.init(name: trend.metric, points: points)], xLabel: "run", width: 520, height: 220),
                alternative: HTML.table(
                    ["run", trend.metric],
                    trend.points.map {
                        ["#\($0.run)", HTML.figure("trend.\(trend.metric).\($0.run)", $0.value)]
                    })
            ).render()
        }
        return "<div class=\"grid\">" + figures.joined() + "</div>"
    }

    static func card(_ label: String, _ value: String) -> String {
        "<div class=\"card\"><span class=\"neutral\">\(HTML.escape(label))</span><b>\(value)</b></div>"
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
