/// Small charts drawn with block characters, for histograms, bars and trends in a terminal.
enum Charts {
    static let sparkBlocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// A one-line trend of `values` with its legend, on `scale`: `▁▃█  0.806–0.808` on the
    /// values' own range, `▁▁▁  0% · scale 0–100%` on a fixed one.
    ///
    /// Missing values stay blank.
    ///
    /// On their own range even a change in the third decimal fills the whole height, so the
    /// range is printed beside the line, and a constant series lies flat at the bottom with its
    /// one value. On a fixed scale every value is drawn at its level, a constant one included.
    static func trend(_ values: [Double], scale: TrendScale, format: (Double) -> String) -> String {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return "" }
        let span = low == high ? format(low) : format(low) + "–" + format(high)
        switch scale {
        case .own:
            return sparkline(values, from: low, to: high) + "  " + span
        case .fixed(let range, let label):
            return sparkline(values, from: range.lowerBound, to: range.upperBound) + "  " + span + " · scale " + label
        }
    }

    /// A one-line trend of `values` on a scale from `low` (▁) to `high` (█); values outside are
    /// drawn at the nearer end, missing ones blank, and all at ▁ when the scale has no height.
    static func sparkline(_ values: [Double], from low: Double, to high: Double) -> String {
        String(
            values.map { value -> Character in
                guard value.isFinite else { return " " }
                guard high > low else { return sparkBlocks[0] }
                let index = Int(((value - low) / (high - low) * 7).rounded())
                return sparkBlocks[min(7, max(0, index))]
            })
    }

    /// A horizontal bar `fraction` of `width` long, with eighth-block precision.
    static func bar(_ fraction: Double, width: Int) -> String {
        let clamped = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let eighths = Int((clamped * Double(width) * 8).rounded())
        let partials: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var bar = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { bar.append(partials[eighths % 8]) }
        return bar
    }

    /// Labelled horizontal bars, one line each, scaled to `maximum` (or the largest value).
    static func bars(
        _ items: [(label: String, value: Double)], width: Int = 30, maximum: Double? = nil,
        format: (Double) -> String = { String(Int($0)) }
    ) -> String {
        let labelWidth = items.map { displayWidth($0.label) }.max() ?? 0
        let top = maximum ?? items.map(\.value).max() ?? 0
        return items.map { item in
            let fraction = top > 0 ? item.value / top : 0
            return "\(pad(item.label, labelWidth))  \(pad(bar(fraction, width: width), width)) \(format(item.value))"
        }.joined(separator: "\n")
    }
}

/// How a trend maps its values to heights.
enum TrendScale: Sendable {
    /// Fixed bounds named by `label`, such as 0 to 1 for a share (`0–100%`), so that a level
    /// reads the same in every chart and 0 % never looks like 100 %.
    case fixed(ClosedRange<Double>, label: String)
    /// The values' own lowest and highest, for counts and measures with no natural bounds.
    case own
}
