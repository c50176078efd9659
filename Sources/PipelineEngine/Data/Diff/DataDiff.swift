/// How two versions of a dataset differ: what `data diff A B` reports.
///
/// Data changes silently between training runs; this puts the schema (columns added, removed,
/// retyped) and the statistics that move first when something upstream breaks (row counts,
/// null rates, means, spreads, distinct counts, categories never seen before) side by side.
/// `A` is the reference, `B` the current data.
public struct DataDiff: Sendable, Encodable {
    public var reference: String
    public var current: String
    public var rows: Pair<Int>
    /// Columns in the current data only.
    public var addedColumns: [String]
    /// Columns in the reference only.
    public var removedColumns: [String]
    public var typeChanges: [TypeChange]
    /// Every column present in both, in the reference's order.
    public var columns: [ColumnDiff]

    /// Whether any column was added, removed or retyped.
    public var schemaChanged: Bool { !addedColumns.isEmpty || !removedColumns.isEmpty || !typeChanges.isEmpty }

    /// Compares `current` with `reference`.
    public init(reference: DataTable, current: DataTable) {
        self.reference = reference.source
        self.current = current.source
        rows = Pair(reference: reference.rowCount, current: current.rowCount)
        let referenceNames = Set(reference.columnNames)
        let currentNames = Set(current.columnNames)
        addedColumns = current.columnNames.filter { !referenceNames.contains($0) }
        removedColumns = reference.columnNames.filter { !currentNames.contains($0) }
        var typeChanges: [TypeChange] = []
        var columns: [ColumnDiff] = []
        let currentColumns = current.columnsByName()
        for old in reference.columns {
            guard let new = currentColumns[old.name] else { continue }
            if old.type != new.type {
                typeChanges.append(TypeChange(column: old.name, reference: old.type, current: new.type))
            }
            columns.append(ColumnDiff(reference: old, current: new))
        }
        self.typeChanges = typeChanges
        self.columns = columns
    }

    private enum CodingKeys: String, CodingKey {
        case reference, current, rows
        case addedColumns = "added_columns"
        case removedColumns = "removed_columns"
        case
            typeChanges = "type_changes"
        case schemaChanged = "schema_changed"
        case columns
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reference, forKey: .reference)
        try container.encode(current, forKey: .current)
        try container.encode(rows, forKey: .rows)
        try container.encode(schemaChanged, forKey: .schemaChanged)
        try container.encode(addedColumns, forKey: .addedColumns)
        try container.encode(removedColumns, forKey: .removedColumns)
        try container.encode(typeChanges, forKey: .typeChanges)
        try container.encode(columns, forKey: .columns)
    }
}

/// The same measure in the reference and in the current data.
public struct Pair<Value: Sendable & Encodable & Equatable>: Sendable, Encodable, Equatable {
    public var reference: Value
    public var current: Value

    public init(reference: Value, current: Value) {
        self.reference = reference
        self.current = current
    }

    /// Whether the measure moved.
    public var changed: Bool { reference != current }
}

/// A column whose type differs between the two tables.
public struct TypeChange: Sendable, Encodable, Equatable {
    public var column: String
    public var reference: ColumnType
    public var current: ColumnType
}
