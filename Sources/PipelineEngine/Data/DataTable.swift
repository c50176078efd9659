import LabSupport

/// A table of typed columns read from a CSV file, stored column by column.
package struct DataTable: Sendable {
    package var columns: [Column]
    /// Where the table came from, as the user named it (for error messages).
    package var source: String
    /// The file line each data row starts on, when rows and lines do not line up one to one
    /// (a quoted line break, a blank line).
    ///
    /// Empty when row `r` (0-based) is on line `r + 2`.
    package var rowLines: [Int]

    package init(columns: [Column], source: String = "", rowLines: [Int] = []) {
        self.columns = columns
        self.source = source
        self.rowLines = rowLines
    }

    /// The 1-based line of the source file on which data row `row` (0-based) starts.
    package func line(ofRow row: Int) -> Int {
        rowLines.isEmpty ? row + 2 : rowLines[row]
    }

    package var rowCount: Int { columns.first?.count ?? 0 }
    package var columnNames: [String] { columns.map(\.name) }

    /// The column called `name`, if there is one.
    ///
    /// A linear search: to look up many columns, ask ``columnsByName()`` once.
    package func column(_ name: String) -> Column? {
        columns.first { $0.name == name }
    }

    /// Every column by its name (the first, should two share one), for looking up many.
    package func columnsByName() -> [String: Column] {
        Dictionary(columns.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The column called `name`, or an error that lists the columns there are.
    package func requireColumn(_ name: String) throws -> Column {
        if let column = column(name) { return column }
        let known = columnNames.joined(separator: ", ")
        var message = "no column '\(name)' in \(source.isEmpty ? "the data" : source)"
        if let guess = closestMatch(to: name, among: columnNames) {
            message += ". Did you mean '\(guess)'?"
        } else {
            message += " (columns: \(known))"
        }
        throw LabError(.dataUnknownColumn, message)
    }
}
