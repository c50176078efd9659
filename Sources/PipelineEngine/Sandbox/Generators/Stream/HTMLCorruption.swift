import LabSupport

/// Rewrites a review as a broken scraper delivers it: wrapped in markup, mostly lost.
///
/// This is the drift incident's upstream bug: the product page template changed, and the
/// export kept only the first few words of each review, HTML-escaped, inside the page's
/// markup and its returns policy. A bag-of-words model sees few of the review's words, many
/// it never learned, and the policy's "faulty", "broken" and "refund", so it calls most of
/// these rows negative and its accuracy falls; a `match_regex` check for `<` catches them.
enum HTMLCorruption {
    /// The returns policy every corrupted page carries.
    static let policy =
        "<span class=\"policy\">Item faulty, damaged or broken? Stopped working? Returned items get a full refund within 30&nbsp;days.</span>"
    /// Other page parts, one of which may follow the policy.
    static let boilerplate = [
        "<ul><li>Ships in 2-3 days</li><li>Warranty: 1 year</li></ul>",
        "<p class=\"note\">Contact customer service for a replacement or refund.</p>",
        "<span class=\"stock\">Only 3 left&nbsp;&ndash; order soon!</span>",
    ]

    /// `text` as the broken export writes it.
    static func corrupt(_ text: String, random: inout SeededRandom) -> String {
        let fragment = firstWords(of: text, count: random.integer(in: 1...3))
        var escaped = ""
        for character in fragment {
            switch character {
            case "'": escaped += "&#39;"
            case "\"": escaped += "&quot;"
            case "&": escaped += "&amp;"
            case " " where random.chance(0.5): escaped += "&nbsp;"
            default: escaped.append(character)
            }
        }
        var html = "<div class=\"desc\"><p>" + escaped + "&hellip;</p><br/>" + policy
        if random.chance(0.5) { html += random.pick(boilerplate) }
        return html + "</div>"
    }

    /// The first `count` words of the text's first line.
    private static func firstWords(of text: String, count: Int) -> String {
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
        return line.split(separator: " ").prefix(count).joined(separator: " ")
    }
}
