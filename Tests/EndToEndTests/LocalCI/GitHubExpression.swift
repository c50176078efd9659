import Foundation

/// The GitHub Actions expressions the export writes, evaluated as GitHub does.
///
/// They are context values (`github.ref_name`), quoted strings, `==` and `!=` (case-insensitive
/// for strings, as GitHub compares them) and `||`, which gives its first truthy operand. Anything else (parentheses,
/// `&&`, functions, an unknown context) is refused, so a test never passes on what it does not
/// understand.
struct GitHubExpression {
    /// Every context value the run knows, by its dotted name; a name missing here is null.
    let context: [String: String?]

    /// The value of `expression`: a string, or nil for null.
    func value(_ expression: String) throws -> String? {
        let text = expression.trimmingCharacters(in: .whitespaces)
        if text.contains("(") || text.contains("&&") || text.contains("!") && !text.contains("!=") {
            throw LocalGitHubRunner.Unsupported(description: "the local runner does not evaluate `\(text)`")
        }
        let alternatives = text.components(separatedBy: " || ")
        if alternatives.count > 1 {
            for alternative in alternatives {
                let value = try value(alternative)
                if truthy(value) { return value }
            }
            return try value(alternatives.last ?? "")
        }
        for op in ["!=", "=="] {
            let sides = text.components(separatedBy: " \(op) ")
            if sides.count == 2 {
                let equal = try operand(sides[0])?.lowercased() == (try operand(sides[1]))?.lowercased()
                return (op == "==") == equal ? "true" : "false"
            }
        }
        return try operand(text)
    }

    /// Whether an `if:` condition holds.
    func holds(_ condition: String) throws -> Bool { truthy(try value(condition)) }

    private func truthy(_ value: String?) -> Bool {
        guard let value else { return false }
        return !value.isEmpty && value != "false"
    }

    private func operand(_ text: String) throws -> String? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if text.count >= 2, text.hasPrefix("'"), text.hasSuffix("'") {
            return String(text.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        }
        guard text.wholeMatch(of: /[a-z_]+(\.[A-Za-z0-9_-]+)+/) != nil else {
            throw LocalGitHubRunner.Unsupported(description: "the local runner does not know `\(text)`")
        }
        if let known = context[text] { return known }
        let root = String(text.prefix { $0 != "." })
        if ["vars", "env", "steps"].contains(root) { return nil }
        throw LocalGitHubRunner.Unsupported(description: "the local runner does not know the context value `\(text)`")
    }
}
