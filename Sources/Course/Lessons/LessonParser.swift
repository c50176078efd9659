import Foundation
package import LabSupport
import Yams

/// Reads `lesson.md`: YAML front matter between `---` lines, then one page per `## ` section.
package enum LessonParser {
    /// Parses the text of a lesson file; `file` is used in error messages.
    package static func parse(_ text: String, file: String, directory: String) throws -> Lesson {
        let lines = self.lines(of: text)
        let front = FrontMatterReader(file: file).read(lines)
        if let problem = front.problems.first { throw problem }
        guard let meta = front.meta, let end = front.end else {
            throw LabError(.lessonFrontMatter, "the front matter cannot be read", file: file, line: 1)
        }
        return Lesson(meta: meta, pages: pages(of: lines, after: end), directory: directory)
    }

    /// The lines of a lesson file, without their line endings.
    static func lines(of text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
    }

    /// The pages of a lesson: its `## ` sections after the front matter that ends at line
    /// index `end`, skipping headings inside code fences.
    static func pages(of lines: [String], after end: Int) -> [Lesson.Page] {
        var pages: [Lesson.Page] = []
        var inFence = false
        for index in (end + 1)..<max(end + 1, lines.count) {
            let line = lines[index]
            if line.hasPrefix("```") { inFence.toggle() }
            if !inFence, line.hasPrefix("## ") {
                pages.append(
                    Lesson.Page(
                        title: String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces),
                        markdown: "", line: index + 1))
            } else if !pages.isEmpty {
                pages[pages.count - 1].markdown += line + "\n"
            }
        }
        for i in pages.indices {
            pages[i].markdown = pages[i].markdown.trimmingCharacters(in: .newlines)
        }
        return pages
    }
}

/// Turns Yams and decoding errors into ``LabError``s that name the file, line and column.
package enum YAMLErrors {
    /// Describes `error` from reading `file`; `lineOffset` is added to the YAML's own line
    /// numbers (front matter starts after the first `---`).
    package static func labError(_ error: any Error, file: String, lineOffset: Int = 0, what: String) -> LabError {
        if let yaml = error as? YamlError {
            switch yaml {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
                let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
                return LabError(
                    .yamlSyntax, "invalid YAML in \(what): \(detail)",
                    file: file, line: mark.line + lineOffset, column: mark.column)
            default:
                return LabError(.yamlSyntax, "invalid YAML in \(what): \(yaml)", file: file)
            }
        }
        if let decoding = error as? DecodingError {
            switch decoding {
            case .keyNotFound(let key, let context):
                return LabError(
                    .yamlMissingKey,
                    "\(what) is missing the required key `\(path(context.codingPath + [key]))`", file: file)
            case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
                return LabError(
                    .yamlWrongType,
                    "`\(path(context.codingPath))` in \(what) should be \(describe(type))", file: file)
            case .dataCorrupted(let context):
                return LabError(
                    .yamlInvalid, "`\(path(context.codingPath))` in \(what): \(context.debugDescription)",
                    file: file)
            @unknown default:
                return LabError(.yamlInvalid, "\(what): \(LabError.reason(for: decoding))", file: file)
            }
        }
        return LabError(.yamlInvalid, "\(what): \(LabError.reason(for: error))", file: file, cause: error)
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            .replacingOccurrences(of: ".[", with: "[")
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [String].Type: "a list of text"
        default: "\(type)"
        }
    }
}
