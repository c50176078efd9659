import Foundation
import Testing

@testable import LabShell

/// The HTML toolkit: what comes from data is shown as text, numbers carry their exact value, and
/// every chart says in words and in a table what it draws.
@Suite struct HTMLToolkitTests {
    @Test func escapesEverythingThatCouldBeMarkup() {
        #expect(
            HTML.escape("<script>alert('x')</script> & \"q\"")
                == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;")
    }

    @Test func aColumnNamedLikeAScriptIsText() {
        let table = HTML.table(["<b>"], [[HTML.figure("column.<script>.statistic", 0.5)]])
        #expect(table.contains("<th scope=\"col\">&lt;b&gt;</th>"))
        #expect(table.contains("data-key=\"column.&lt;script&gt;.statistic\" data-value=\"0.5\""))
        #expect(!table.contains("<script>"))
    }

    @Test func rawNumbersReadBackExactly() {
        for value in [0.1 + 0.2, 1e-300, 123_456_789.125, 0.035152167324315454] {
            #expect(Double(HTML.raw(value)) == value)
        }
        #expect(HTML.raw(3) == "3")
        #expect(HTML.raw(.infinity) == "inf")
        #expect(HTML.figure("k", nil) == "<span data-key=\"k\" data-value=\"null\">–</span>")
    }

    @Test func peopleReadRoundedNumbersAndPercentages() {
        #expect(HTML.number(0.123456) == "0.1235")
        #expect(HTML.number(0.00001234) == "1.23e-05")
        #expect(HTML.percent(0.4567) == "45.7 %")
    }

    @Test func aChartHasATitleADescriptionACaptionAndItsNumbers() {
        let figure = ChartFigure(
            id: "drift-<x>", title: "t<1>", description: "d&2",
            svg: PairedBars.draw(labels: ["a", "b"], reference: [0.5, 0.5], current: [0.2, 0.8], patternID: "p"),
            alternative: PairedBars.table(labels: ["a", "b"], reference: [0.5, 0.5], current: [0.2, 0.8])
        ).render()
        #expect(figure.hasPrefix("<figure data-figure=\"drift-&lt;x&gt;\"><svg "))
        #expect(figure.contains("role=\"img\" aria-labelledby=\"drift-&lt;x&gt;-title drift-&lt;x&gt;-desc\""))
        #expect(figure.contains("<title id=\"drift-&lt;x&gt;-title\">t&lt;1&gt;</title>"))
        #expect(figure.contains("<desc id=\"drift-&lt;x&gt;-desc\">d&amp;2</desc>"))
        #expect(figure.contains("<figcaption>t&lt;1&gt;. d&amp;2</figcaption>"))
        #expect(figure.contains("<td>b</td><td>50.0 %</td><td>80.0 %</td>"))
    }

    @Test func theStageGraphPutsEachStageRightOfWhatItNeeds() {
        let svg = StageGraph.draw([
            .init(name: "validate", needs: [], status: "ran"),
            .init(name: "train", needs: ["validate"], status: "failed"),
            .init(name: "evaluate", needs: ["train"], status: nil),
        ]).render(labelledBy: "x", heading: "")
        #expect(
            svg.contains(
                "<rect x=\"12\" y=\"12\" width=\"150\" height=\"46\" rx=\"7\" fill=\"var(--bg)\" stroke=\"var(--good)\""
            ))
        #expect(
            svg.contains(
                "<rect x=\"208\" y=\"12\" width=\"150\" height=\"46\" rx=\"7\" fill=\"var(--bg)\" stroke=\"var(--bad)\""
            ))
        #expect(svg.contains("✗ failed"))
        #expect(svg.contains("· not run"))
        #expect(svg.components(separatedBy: "marker-end").count - 1 == 2)
    }

    @Test func tickValuesAreRound() {
        #expect(LineChart.ticks(0, 1, count: 4) == [0, 0.25, 0.5, 0.75, 1])
        #expect(LineChart.ticks(0.81, 0.87, count: 4) == [0.82, 0.84, 0.86])
    }

    @Test func aHeatMapWritesEachValueAndLeavesMissingCellsEmpty() {
        let svg = HeatMap.draw(rows: ["ada"], columns: ["drift", "gates"], values: [[0.75, nil]])
            .render(labelledBy: "x", heading: "")
        #expect(svg.contains(">75</text>"))
        #expect(svg.contains("stroke-dasharray=\"3 2\""))
        let table = HeatMap.table(
            rows: ["ada"], columns: ["drift", "gates"], values: [[0.75, nil]], corner: "learner")
        #expect(table.contains("<td>ada</td><td>75.0 %</td><td>–</td>"))
    }
}
