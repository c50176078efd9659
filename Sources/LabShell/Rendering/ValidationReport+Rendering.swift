import Foundation
import PipelineEngine

extension ValidationReport {
    /// One line per expectation, ✓ or ✗, with the observed value and the first failing rows
    /// under each failure, then a tally.
    func render(_ style: TerminalStyle) -> String {
        var out = [style.bold("Validating \(data)") + style.dim(" (\(rows) rows) against \(suite)"), ""]
        let labels = results.map(label)
        let labelWidth = min(32, labels.map { displayWidth($0) }.max() ?? 0)
        for (result, label) in zip(results, labels) {
            let mark = result.success ? style.green("✓") : style.red("✗")
            out.append("\(mark) \(pad(label, labelWidth))  \(result.message)")
            guard !result.success else { continue }
            if let observed = observedText(result) { out.append("    " + style.dim("observed: " + observed)) }
            for example in result.examples {
                let value = example.value.map { " " + quoted($0) } ?? (result.expectation == .notNull ? " (empty)" : "")
                out.append("    " + style.dim("row \(example.row) (line \(example.line))") + value)
            }
            if let count = result.unexpectedCount, count > result.examples.count, !result.examples.isEmpty {
                out.append("    " + style.dim("… and \(count - result.examples.count) more"))
            }
        }
        let failed = results.count - successful
        let tally = "\(successful) of \(results.count) expectations passed"
        out += ["", failed == 0 ? style.green(tally) : tally + " · " + style.red("\(failed) failed")]
        return out.joined(separator: "\n")
    }

    private func label(_ result: ExpectationResult) -> String {
        result.column.map { "\(result.expectation.rawValue) \($0)" } ?? result.expectation.rawValue
    }

    /// The observed value when it adds to the message: the range seen, or the unexpected values.
    private func observedText(_ result: ExpectationResult) -> String? {
        switch result.observedValue {
        case .object(let fields):
            if let low = fields["min"], let high = fields["max"] {
                return "min \(text(low)), max \(text(high))"
            }
            if let low = fields["min_length"], let high = fields["max_length"] {
                return "lengths \(text(low)) to \(text(high))"
            }
            return nil
        case .list(let items) where result.expectation != .columnsExist && !items.isEmpty:
            return items.compactMap { item -> String? in
                guard case .object(let fields) = item, let value = fields["value"], let count = fields["count"] else {
                    return nil
                }
                return "\(quoted(text(value))) ×\(text(count))"
            }.joined(separator: ", ")
        default:
            return nil
        }
    }

    private func text(_ value: ObservedValue) -> String {
        switch value {
        case .null: "null"
        case .integer(let number): String(number)
        case .number(let number): NumberText.short(number)
        case .text(let string): string
        case .list(let items): items.map(text).joined(separator: ", ")
        case .object: ""
        }
    }

    private func quoted(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
        return "'" + (escaped.count > 40 ? String(escaped.prefix(40)) + "…" : escaped) + "'"
    }
}
