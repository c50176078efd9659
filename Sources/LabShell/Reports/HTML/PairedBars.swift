import Foundation

/// Reference and current shares over the same buckets, drawn as pairs of bars.
///
/// The reference bar is solid and the current bar hatched, so the two read apart in grey too.
enum PairedBars {
    static func draw(
        labels: [String], reference: [Double], current: [Double], patternID: String,
        width: Double = 540, height: Double = 220,
        legend: (reference: String, current: String) = ("reference", "current")
    ) -> SVGCanvas {
        var canvas = SVGCanvas(width: width, height: height)
        let left = 44.0
        let right = 10.0
        let top = 22.0
        let bottom = 52.0
        let plotW = width - left - right
        let plotH = height - top - bottom
        let top1 = max(reference.max() ?? 0, current.max() ?? 0, 0.0001)
        let pattern = HTML.escape(patternID)
        canvas.add(
            "<defs><pattern id=\"\(pattern)\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
                + "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"var(--cur)\" "
                + "fill-opacity=\"0.35\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"var(--cur)\" "
                + "stroke-width=\"3\"/></pattern></defs>")
        for tick in LineChart.ticks(0, top1, count: 3) {
            let y = top + (1 - tick / top1) * plotH
            canvas.line(left, y, width - right, y, className: "gridline")
            canvas.text(
                left - 6, y + 4, HTML.percent(tick).replacingOccurrences(of: ".0 %", with: " %"),
                anchor: "end", className: "muted")
        }
        let slot = plotW / Double(max(1, labels.count))
        let bar = min(28, slot * 0.4)
        for (i, label) in labels.enumerated() {
            let x = left + slot * Double(i) + slot / 2
            let r = i < reference.count ? reference[i] : 0
            let c = i < current.count ? current[i] : 0
            let rh = r / top1 * plotH
            let ch = c / top1 * plotH
            canvas.rect(x - bar, top + plotH - rh, bar, rh, fill: "var(--ref)")
            canvas.rect(
                x, top + plotH - ch, bar, ch, fill: "url(#\(pattern))", extra: "stroke=\"var(--cur)\"")
            if labels.count <= 6 || i % 2 == 0 {
                canvas.text(x, top + plotH + 14, shorten(label), anchor: "middle", className: "muted")
            }
        }
        canvas.line(left, top + plotH, width - right, top + plotH, className: "axis")
        canvas.rect(left, 4, 10, 10, fill: "var(--ref)")
        canvas.text(left + 14, 13, legend.reference)
        canvas.rect(left + 90, 4, 10, 10, fill: "url(#\(pattern))", extra: "stroke=\"var(--cur)\"")
        canvas.text(left + 104, 13, legend.current)
        return canvas
    }

    /// The numbers of a paired bar chart as a table.
    static func table(labels: [String], reference: [Double], current: [Double]) -> String {
        HTML.table(
            ["bucket", "reference", "current"],
            labels.indices.map { i in
                [
                    HTML.escape(labels[i]), HTML.percent(i < reference.count ? reference[i] : 0),
                    HTML.percent(i < current.count ? current[i] : 0),
                ]
            })
    }

    /// A label cut to 12 characters with an ellipsis, so neighbours do not overlap.
    static func shorten(_ label: String) -> String {
        label.count > 12 ? String(label.prefix(11)) + "…" : label
    }
}
