import Foundation

/// One self-contained report page: inline CSS and SVG, no scripts, fonts or network.
///
/// Sections are appended as HTML that the caller built with ``HTML`` and the charts of
/// ``SVGChart``; ``render()`` wraps them in a document with the lab's stylesheet, light or dark
/// by `prefers-color-scheme`.
struct HTMLPage {
    var title: String
    /// A line under the title: what the report is of, and when it was made.
    var subtitle: String
    private var sections: [String] = []

    init(title: String, subtitle: String) {
        self.title = title
        self.subtitle = subtitle
    }

    /// Adds a section with a heading and its content (HTML).
    mutating func section(_ heading: String, id: String, _ content: String) {
        sections.append(
            "<section id=\"\(HTML.escape(id))\"><h2>\(HTML.escape(heading))</h2>\(content)</section>")
    }

    /// The whole document.
    func render() -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <meta name="generator" content="cicdlab \(HTML.escape(cicdlabVersion))">
        <title>\(HTML.escape(title))</title>
        <style>\(HTMLStyle.sheet)</style>
        </head>
        <body>
        <header><h1>\(HTML.escape(title))</h1><p class="sub">\(HTML.escape(subtitle))</p></header>
        <main>
        \(sections.joined(separator: "\n"))
        </main>
        <footer>Made by cicdlab \(HTML.escape(cicdlabVersion)). One file: no scripts, fonts or network.</footer>
        </body>
        </html>

        """
    }
}
