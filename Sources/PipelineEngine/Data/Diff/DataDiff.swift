/// How two versions of a dataset differ: what `data diff A B` reports.
///
/// Data changes silently between training runs; this puts the schema (columns added, removed,
/// retyped) and the statistics that move first when something upstream breaks (row counts,
/// null rates, means, spreads, distinct counts, categories never seen before) side by side.
/// `A` is the reference, `B` the current data.
package struct DataDiff: Sendable, Encodable {
    package var reference: String
    package var current: String
    package var rows: Pair<Int>
    /// Columns in the current data only.
    package var addedColumns: [String]
    /// Columns in the reference only.
    package var removedColumns: [String]
    package var typeChanges: [TypeChange]
    /// Every column present in both, in the reference's order.
    package var columns: [ColumnDiff]

    /// Whether any column was added, removed or retyped.
    package var schemaChanged: Bool { !addedColumns.isEmpty || !removedColumns.isEmpty || !typeChanges.isEmpty }

    /// Compares `current` with `reference`.
    package init(reference: DataTable, current: DataTable) {
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

    package func encode(to encoder: any Encoder) throws {
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
package struct Pair<Value: Sendable & Encodable & Equatable>: Sendable, Encodable, Equatable {
    package var reference: Value
    package var current: Value

    package init(reference: Value, current: Value) {
        self.reference = reference
        self.current = current
    }

    /// Whether the measure moved.
    package var changed: Bool { reference != current }
}

/// A column whose type differs between the two tables.
package struct TypeChange: Sendable, Encodable, Equatable {
    package var column: String
    package var reference: ColumnType
    package var current: ColumnType
}
