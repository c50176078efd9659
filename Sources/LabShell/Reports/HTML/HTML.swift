import Foundation

/// Escaping and number formatting for the HTML reports.
///
/// Everything a report writes from data (column names, file names, reasons, profile names)
/// goes through ``escape(_:)``, so `<script>` in a column name is shown as text.
enum HTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` written as entities.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A number as JSON writes it (the shortest text that reads back as the same double), for
    /// `data-value` attributes that tests compare with `--json`.
    static func raw(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// A number for people: up to `digits` significant digits, no trailing zeros.
    static func number(_ value: Double, digits: Int = 4) -> String {
        if value.isNaN { return "–" }
        if value.isInfinite { return value > 0 ? "∞" : "−∞" }
        if value != 0, abs(value) < 0.0001 { return String(format: "%.2e", value) }
        return String(format: "%.\(digits)g", value)
    }

    /// A share as a percentage with one decimal: `0.4567` → `45.7 %`.
    static func percent(_ share: Double) -> String {
        String(format: "%.1f %%", share * 100)
    }

    /// A value shown to people that also carries its exact number for machines:
    /// `<span data-key="KEY" data-value="0.123456">0.1235</span>`.
    static func figure(_ key: String, _ value: Double?, shown: String? = nil) -> String {
        guard let value else { return "<span data-key=\"\(escape(key))\" data-value=\"null\">–</span>" }
        return "<span data-key=\"\(escape(key))\" data-value=\"\(raw(value))\">\(escape(shown ?? number(value)))</span>"
    }

    /// A table: a header row and rows of cells that are already HTML.
    static func table(_ header: [String], _ rows: [[String]], caption: String? = nil, className: String? = nil)
        -> String
    {
        var html = className.map { "<table class=\"\(escape($0))\">" } ?? "<table>"
        if let caption { html += "<caption>\(escape(caption))</caption>" }
        html += "<thead><tr>" + header.map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows {
            html += "<tr>" + row.map { "<td>\($0)</td>" }.joined() + "</tr>"
        }
        return html + "</tbody></table>"
    }

    /// A status word in a coloured badge that also carries a symbol, so colour is never the only cue.
    static func badge(_ text: String, tone: Tone) -> String {
        "<span class=\"badge \(tone.rawValue)\">\(tone.symbol) \(escape(text))</span>"
    }

    /// What a badge says: good, bad, neutral or a warning.
    enum Tone: String {
        case good, bad, neutral, warn

        var symbol: String {
            switch self {
            case .good: "✓"
            case .bad: "✗"
            case .neutral: "·"
            case .warn: "!"
            }
        }
    }
}
