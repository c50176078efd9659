/// Small charts drawn with block characters, for histograms, bars and trends in a terminal.
public enum Charts {
    static let sparkBlocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// A one-line trend of `values`, lowest as ▁ and highest as █.
    public static func sparkline(_ values: [Double]) -> String {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return "" }
        return String(values.map { value -> Character in
            guard value.isFinite else { return " " }
            if high == low { return sparkBlocks[3] }
            let index = Int(((value - low) / (high - low) * 7).rounded())
            return sparkBlocks[min(7, max(0, index))]
        })
    }

    /// A horizontal bar `fraction` of `width` long, with eighth-block precision.
    public static func bar(_ fraction: Double, width: Int) -> String {
        let clamped = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let eighths = Int((clamped * Double(width) * 8).rounded())
        let partials: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var bar = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { bar.append(partials[eighths % 8]) }
        return bar
    }

    /// Labelled horizontal bars, one line each, scaled to `maximum` (or the largest value).
    public static func bars(_ items: [(label: String, value: Double)], width: Int = 30, maximum: Double? = nil,
                            format: (Double) -> String = { String(Int($0)) }) -> String {
        let labelWidth = items.map { displayWidth($0.label) }.max() ?? 0
        let top = maximum ?? items.map(\.value).max() ?? 0
        return items.map { item in
            let fraction = top > 0 ? item.value / top : 0
            return "\(pad(item.label, labelWidth))  \(pad(bar(fraction, width: width), width)) \(format(item.value))"
        }.joined(separator: "\n")
    }
}
