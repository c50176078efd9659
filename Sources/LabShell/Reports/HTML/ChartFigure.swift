/// A chart as a figure: the SVG with its title and description for screen readers, a caption,
/// and the numbers as a table under a `<details>`, so nothing is said by the picture alone.
struct ChartFigure {
    /// A stable name tests look for: `data-figure="ID"`.
    var id: String
    var title: String
    /// What the chart shows, in words (the SVG's `<desc>`).
    var description: String
    var svg: SVGCanvas
    /// The chart's numbers as an HTML table.
    var alternative: String

    func render() -> String {
        let titleID = "\(id)-title"
        let descID = "\(id)-desc"
        let svgText = svg.render(
            labelledBy: "\(titleID) \(descID)",
            heading: "<title id=\"\(HTML.escape(titleID))\">\(HTML.escape(title))</title>"
                + "<desc id=\"\(HTML.escape(descID))\">\(HTML.escape(description))</desc>")
        return "<figure data-figure=\"\(HTML.escape(id))\">\(svgText)"
            + "<figcaption>\(HTML.escape(title)). \(HTML.escape(description))</figcaption>"
            + "<details><summary>The numbers</summary>\(alternative)</details></figure>"
    }
}

/// An SVG drawing being built: a fixed view box and the shapes in it.
struct SVGCanvas {
    var width: Double
    var height: Double
    private var parts: [String] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    mutating func add(_ element: String) { parts.append(element) }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, className: String) {
        add("<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\" class=\"\(className)\"/>")
    }

    mutating func text(
        _ x: Double, _ y: Double, _ content: String, anchor: String = "start", className: String? = nil
    ) {
        let cls = className.map { " class=\"\($0)\"" } ?? ""
        add(
            "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\"\(cls)>\(HTML.escape(content))</text>")
    }

    mutating func rect(
        _ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, extra: String = ""
    ) {
        add(
            "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(max(0, w)))\" height=\"\(f(max(0, h)))\" "
                + "fill=\"\(fill)\"\(extra.isEmpty ? "" : " " + extra)/>")
    }

    func render(labelledBy: String, heading: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"\(HTML.escape(labelledBy))\" "
            + "viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\">"
            + heading + parts.joined() + "</svg>"
    }
}

/// A coordinate with at most two decimals, as SVG needs no more.
func f(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
}
