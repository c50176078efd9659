import Course

/// One page of a lesson as the terminal shows it: a header (title, page k of n, minutes, and
/// a tip when a prerequisite is not done), the page's Markdown, and a footer that says how to
/// go on.
struct PageView {
    var lesson: Lesson
    /// The page shown, 0-based.
    var page: Int
    /// Prerequisites not completed yet: suggested in one line, never enforced.
    var suggestedFirst: [Lesson] = []
    /// Whether the footer may point to `steps` (the lesson has steps and the command exists).
    var showsSteps = false

    func render(_ style: TerminalStyle) -> String {
        let wrapper = WordWrapper(style: style)
        let renderer = MarkdownRenderer(style: style)
        let count = lesson.pages.count
        var lines = wrapper.wrap(
            wrapper.tokens([
                InlineRun(text: lesson.title, style: .bold),
                InlineRun(text: " · page \(page + 1) of \(count) · about \(lesson.meta.minutes) minutes", style: .dim),
            ]), width: style.width)
        if !suggestedFirst.isEmpty {
            let names = suggestedFirst.map { "`lesson \($0.id)` (\($0.title))" }
            let list =
                names.count == 1
                ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
            let verb = names.count == 1 ? "comes before this one and is" : "come before this one and are"
            lines.append(renderer.render("*Tip:* \(list) \(verb) not done yet."))
        }
        let page = lesson.pages[self.page]
        lines.append("")
        lines.append(renderer.render("## \(page.title)\n\n\(page.markdown)"))
        lines.append("")
        lines.append(renderer.render(footer(count: count)))
        return lines.joined(separator: "\n")
    }

    /// "Type `next` for page 3, `back` for page 1." with only the moves that exist here.
    func footer(count: Int) -> String {
        var moves = [page + 1 < count ? "`next` for page \(page + 2) of \(count)" : "`next` to finish"]
        if page > 0 { moves.append("`back` for page \(page)") }
        if showsSteps { moves.append("`steps` for the hands-on part") }
        let list =
            moves.count == 1 ? moves[0] : moves.dropLast().joined(separator: ", ") + " or " + moves[moves.count - 1]
        return "Type \(list)."
    }
}
