import Foundation

/// A line chart of one or more series over the same x values (run numbers, days).
///
/// Each series has its own colour and point marker (circle, square, triangle, ...), so the
/// lines can be told apart without colour.
enum LineChart {
    /// One line: a name and its points.
    struct Series {
        var name: String
        var points: [(x: Double, y: Double)]
    }

    static func draw(
        _ series: [Series], xLabel: String, width: Double = 540, height: Double = 240,
        yRange: ClosedRange<Double>? = nil
    ) -> SVGCanvas {
        var canvas = SVGCanvas(width: width, height: height)
        let left = 52.0
        let right = 14.0
        let top = 14.0
        let bottom = 46.0
        let all = series.flatMap(\.points)
        guard !all.isEmpty else {
            canvas.text(width / 2, height / 2, "no values yet", anchor: "middle", className: "muted")
            return canvas
        }
        let xs = all.map(\.x)
        let ys = all.map(\.y)
        var (yMin, yMax) = (ys.min() ?? 0, ys.max() ?? 1)
        if yMin == yMax { (yMin, yMax) = (yMin - 0.5, yMax + 0.5) }
        let pad = (yMax - yMin) * 0.08
        (yMin, yMax) = (yMin - pad, yMax + pad)
        if let yRange { (yMin, yMax) = (min(yMin, yRange.lowerBound), max(yMax, yRange.upperBound)) }
        var (xMin, xMax) = (xs.min() ?? 0, xs.max() ?? 1)
        if xMin == xMax { (xMin, xMax) = (xMin - 1, xMax + 1) }
        let plotW = width - left - right
        let plotH = height - top - bottom
        let px = { (x: Double) in left + (x - xMin) / (xMax - xMin) * plotW }
        let py = { (y: Double) in top + (1 - (y - yMin) / (yMax - yMin)) * plotH }
        for tick in ticks(yMin, yMax, count: 4) {
            canvas.line(left, py(tick), width - right, py(tick), className: "gridline")
            canvas.text(left - 6, py(tick) + 4, HTML.number(tick, digits: 3), anchor: "end", className: "muted")
        }
        let xTicks = Set(xs).sorted()
        let step = max(1, xTicks.count / 10)
        for (i, tick) in xTicks.enumerated() where i % step == 0 || i == xTicks.count - 1 {
            canvas.text(px(tick), height - bottom + 16, HTML.number(tick), anchor: "middle", className: "muted")
        }
        canvas.line(left, top + plotH, width - right, top + plotH, className: "axis")
        canvas.line(left, top, left, top + plotH, className: "axis")
        canvas.text(left + plotW / 2, height - 8, xLabel, anchor: "middle", className: "muted")
        for (index, line) in series.enumerated() {
            let colour = HTMLStyle.colour(index)
            let path = line.points.map { "\(f(px($0.x))),\(f(py($0.y)))" }.joined(separator: " ")
            canvas.add("<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>")
            for point in line.points {
                canvas.add(marker(index, px(point.x), py(point.y), colour))
            }
        }
        // The legend, top right, with each series' marker.
        var y = top + 4
        for (index, line) in series.enumerated() where series.count > 1 {
            canvas.add(marker(index, width - right - 150, y, HTMLStyle.colour(index)))
            canvas.text(width - right - 140, y + 4, line.name)
            y += 16
        }
        return canvas
    }

    /// The point marker of series `index`: a different shape per series.
    static func marker(_ index: Int, _ x: Double, _ y: Double, _ colour: String) -> String {
        switch index % 4 {
        case 0: return "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"3.5\" fill=\"\(colour)\"/>"
        case 1: return "<rect x=\"\(f(x - 3.5))\" y=\"\(f(y - 3.5))\" width=\"7\" height=\"7\" fill=\"\(colour)\"/>"
        case 2:
            return "<polygon points=\"\(f(x)),\(f(y - 4.5)) \(f(x + 4.5)),\(f(y + 3.5)) \(f(x - 4.5)),\(f(y + 3.5))\" "
                + "fill=\"\(colour)\"/>"
        default:
            return "<polygon points=\"\(f(x)),\(f(y - 4.5)) \(f(x + 4.5)),\(f(y)) \(f(x)),\(f(y + 4.5)) "
                + "\(f(x - 4.5)),\(f(y))\" fill=\"\(colour)\"/>"
        }
    }

    /// About `count` round tick values between `low` and `high`.
    ///
    /// Each tick is computed as a whole multiple of the step, divided by a power of ten when the
    /// step is below 1, so 0.82 is 0.82 and not 0.8200000000000001.
    static func ticks(_ low: Double, _ high: Double, count: Int) -> [Double] {
        let raw = (high - low) / Double(count)
        guard raw > 0, raw.isFinite else { return [low] }
        let magnitude = pow10(floor(log10(raw)))
        let multiple = [1.0, 2, 2.5, 5, 10].first { $0 * magnitude >= raw } ?? 10
        let step = multiple * magnitude
        let scale = magnitude < 1 ? (1 / magnitude).rounded() : 1
        let value = { (k: Double) in magnitude < 1 ? k * multiple / scale : k * step }
        var k = (low / step).rounded(.up)
        var result: [Double] = []
        while value(k) <= high + step * 1e-9 {
            result.append(value(k) == 0 ? 0 : value(k))
            k += 1
        }
        return result
    }
}

/// Ten to the power `x`.
func pow10(_ x: Double) -> Double { Foundation.pow(10, x) }
