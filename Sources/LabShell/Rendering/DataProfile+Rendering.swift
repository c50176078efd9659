import PipelineEngine

extension DataProfile {
    /// The profile as two tables, numbers (with a histogram sparkline each) then text and
    /// booleans (with their most frequent values).
    func render(_ style: TerminalStyle) -> String {
        var out = [style.bold(source) + style.dim(" · \(rows) row\(rows == 1 ? "" : "s") · \(columns.count) columns")]
        let numeric = columns.filter { $0.type == .integer || $0.type == .double }
        let other = columns.filter { $0.type == .string || $0.type == .boolean }
        if !numeric.isEmpty {
            var table = TextTable(
                headers: ["COLUMN", "TYPE", "NULLS", "DISTINCT", "MIN", "MEAN", "MAX", "STD", "HISTOGRAM"],
                rightAligned: [2, 3, 4, 5, 6, 7])
            for column in numeric {
                let n = column.numbers
                table.append([
                    column.name, column.type.rawValue, nulls(column, style), String(column.distinct),
                    NumberText.short(n?.min), NumberText.short(n?.mean), NumberText.short(n?.max),
                    NumberText.short(n?.std), n.map { style.cyan(Charts.histogram($0.histogram.counts)) } ?? "",
                ])
            }
            out += ["", table.render(style)]
        }
        if !other.isEmpty {
            var table = TextTable(
                headers: ["COLUMN", "TYPE", "NULLS", "DISTINCT", "TOP VALUES"], rightAligned: [2, 3])
            for column in other {
                let count = max(1, column.count)
                let top = (column.topValues ?? []).map { value in
                    "\(value.value) \(style.dim(NumberText.percent(points: Double(value.count) / Double(count) * 100)))"
                }
                table.append([
                    column.name, column.type.rawValue, nulls(column, style), String(column.distinct),
                    top.joined(separator: " · "),
                ])
            }
            out += ["", table.render(style)]
        }
        let notes = columns.flatMap { column in column.notes.map { style.yellow("\(column.name): \($0)") } }
        if !notes.isEmpty { out += [""] + notes }
        return out.joined(separator: "\n")
    }

    private func nulls(_ column: ColumnProfile, _ style: TerminalStyle) -> String {
        column.nulls == 0
            ? style.dim("0") : style.yellow("\(column.nulls) (\(NumberText.percent(points: column.nullPercent)))")
    }
}
