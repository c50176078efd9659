/// A table of typed columns read from a CSV file, stored column by column.
public struct DataTable: Sendable {
    public var columns: [Column]
    /// Where the table came from, as the user named it (for error messages).
    public var source: String

    public init(columns: [Column], source: String = "") {
        self.columns = columns
        self.source = source
    }

    public var rowCount: Int { columns.first?.count ?? 0 }
    public var columnNames: [String] { columns.map(\.name) }

    /// The column called `name`, if there is one.
    public func column(_ name: String) -> Column? {
        columns.first { $0.name == name }
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
        throw LabError("data.unknown_column", message)
    }
}
