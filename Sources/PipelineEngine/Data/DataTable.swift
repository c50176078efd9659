/// A table of typed columns read from a CSV file, stored column by column.
public struct DataTable: Sendable {
    public var columns: [Column]
    /// Where the table came from, as the user named it (for error messages).
    public var source: String
    /// The file line each data row starts on, when rows and lines do not line up one to one
    /// (a quoted line break, a blank line). Empty when row `r` (0-based) is on line `r + 2`.
    public var rowLines: [Int]

    public init(columns: [Column], source: String = "", rowLines: [Int] = []) {
        self.columns = columns
        self.source = source
        self.rowLines = rowLines
    }

    /// The 1-based line of the source file on which data row `row` (0-based) starts.
    public func line(ofRow row: Int) -> Int {
        rowLines.isEmpty ? row + 2 : rowLines[row]
    }

    public var rowCount: Int { columns.first?.count ?? 0 }
    public var columnNames: [String] { columns.map(\.name) }

    /// The column called `name`, if there is one.
    ///
    /// A linear search: to look up many columns, ask ``columnsByName()`` once.
    public func column(_ name: String) -> Column? {
        columns.first { $0.name == name }
    }

    /// Every column by its name (the first, should two share one), for looking up many.
    public func columnsByName() -> [String: Column] {
        Dictionary(columns.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The column called `name`, or an error that lists the columns there are.
    public func requireColumn(_ name: String) throws -> Column {
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
