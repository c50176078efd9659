import Foundation
import PipelineEngine

extension DataDiff {
    /// The diff as a schema summary and a table of per-column statistics, `reference → current`,
    /// with what moved in yellow.
    func render(_ style: TerminalStyle) -> String {
        var out = [style.bold("\(reference) → \(current)")]
        let rowChange =
            rows.reference == 0
            ? ""
            : " (\(signed(Double(rows.current - rows.reference) / Double(rows.reference) * 100, suffix: "%")))"
        out.append("rows    \(changed(rows.changed, "\(rows.reference) → \(rows.current)\(rowChange)", style))")
        var schema: [String] = []
        schema += addedColumns.map { style.green("+ \($0)") }
        schema += removedColumns.map { style.red("− \($0)") }
        schema += typeChanges.map { style.yellow("~ \($0.column): \($0.reference.rawValue) → \($0.current.rawValue)") }
        out.append("schema  " + (schema.isEmpty ? style.dim("unchanged") : schema.joined(separator: "  ")))
        guard !columns.isEmpty else { return out.joined(separator: "\n") }
        var table = TextTable(headers: ["COLUMN", "NULLS", "DISTINCT", "MEAN", "STD", "SHIFT", "CATEGORIES"])
        for column in columns {
            let percents = column.nullPercent
            let nulls = changed(
                percents.changed,
                "\(NumberText.percent(points: percents.reference)) → \(NumberText.percent(points: percents.current))",
                style)
            let distinct = changed(
                column.distinct.changed, "\(column.distinct.reference) → \(column.distinct.current)", style)
            var mean = ""
            var std = ""
            var shift = ""
            if let pair = column.mean {
                mean = "\(NumberText.short(pair.reference)) → \(NumberText.short(pair.current))"
            }
            if let pair = column.std {
                std = "\(NumberText.short(pair.reference)) → \(NumberText.short(pair.current))"
            }
            if let value = column.meanShift {
                shift = changed(
                    abs(value) >= 0.1, String(format: "%+.2fσ", value).replacingOccurrences(of: "-", with: "−"),
                    style)
            } else if column.meanShiftNote != nil {
                shift = style.yellow("not computed")
            }
            table.append([column.column, nulls, distinct, mean, std, shift, categories(column, style)])
        }
        out += ["", table.render(style)]
        return out.joined(separator: "\n")
    }

    private func categories(_ column: ColumnDiff, _ style: TerminalStyle) -> String {
        var parts: [String] = []
        if let new = column.newCategories, !new.isEmpty {
            parts.append(style.yellow("new: " + list(new)))
        }
        if let missing = column.missingCategories, !missing.isEmpty {
            parts.append(style.yellow("gone: " + list(missing)))
        }
        return parts.joined(separator: " · ")
    }

    private func list(_ values: [ValueCount]) -> String {
        let shown = values.prefix(3).map { "\($0.value) (\($0.count))" }.joined(separator: ", ")
        return values.count > 3 ? shown + ", +\(values.count - 3) more" : shown
    }

    private func signed(_ value: Double, suffix: String) -> String {
        (value > 0 ? "+" : value < 0 ? "−" : "") + NumberText.short(abs(value)) + suffix
    }

    private func changed(_ moved: Bool, _ text: String, _ style: TerminalStyle) -> String {
        moved ? style.yellow(text) : text
    }
}
