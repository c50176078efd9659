/// A block of a lesson page's Markdown: the unit the renderer lays out and wraps.
///
/// Only the subset lessons use is modelled: ATX headings, paragraphs, fenced code, bulleted
/// and numbered lists, GitHub pipe tables, block quotes and horizontal rules.
indirect enum MarkdownBlock: Equatable {
    /// `#`, `##`, `###` ... with its inline text.
    case heading(level: Int, text: String)
    /// Inline text; `\n` is a soft break (a space), ``MarkdownBlockParser/hardBreak`` a hard one.
    case paragraph(String)
    /// The lines of a fenced code block, shown as they are; the language tag is dropped.
    case code([String])
    case list(MarkdownList)
    case table(MarkdownTable)
    /// The blocks inside a `>` quote.
    case quote([MarkdownBlock])
    /// `---`, `***` or `___` on a line of its own.
    case rule
}

/// A bulleted or numbered list whose items are blocks themselves, so lists nest.
struct MarkdownList: Equatable {
    var ordered: Bool
    /// The first item's number in a numbered list.
    var start: Int
    var items: [[MarkdownBlock]]
    /// Whether blank lines separated the items in the source (they are kept apart when shown).
    var loose: Bool
}

/// A GitHub pipe table: a header row, the alignment row's choices, and the body rows.
struct MarkdownTable: Equatable {
    enum Alignment: Equatable { case left, center, right }

    var header: [String]
    var alignments: [Alignment]
    /// Body rows, each padded or cut to the header's number of cells.
    var rows: [[String]]
}
