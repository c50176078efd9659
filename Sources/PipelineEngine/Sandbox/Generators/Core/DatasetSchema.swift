/// What a generated data set holds: its columns, their types, roles and allowed values.
///
/// The schema travels with the CSV so that a learner (and the lab) can see what each column
/// means without reading generator code, and so that validation suites can be checked against
/// what the generator promises.
package struct DatasetSchema: Sendable, Equatable, Encodable {
    /// The data set's name, as `sandbox generate NAME` takes it.
    package var name: String
    /// One sentence on what the data set is.
    package var summary: String
    package var columns: [ColumnSchema]

    package init(name: String, summary: String, columns: [ColumnSchema]) {
        self.name = name
        self.summary = summary
        self.columns = columns
    }

    /// The column names in file order: the CSV header.
    package var columnNames: [String] { columns.map(\.name) }

    /// The label column, if the data set has one.
    package var label: ColumnSchema? { columns.first { $0.role == .label } }

    /// The position of the column called `name`.
    package func index(of name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }
}

/// One column of a generated data set.
package struct ColumnSchema: Sendable, Equatable, Encodable {
    /// What a column is for in a model or an analysis.
    package enum Role: String, Sendable, Encodable {
        /// A unique row key, never a feature.
        case identifier
        /// An input a model may use.
        case feature
        /// Free text, an input for a bag-of-words model.
        case text
        /// A group to slice by; for credit, the protected attribute.
        case group
        /// When the row happened.
        case timestamp
        /// What a model predicts.
        case label
    }

    package var name: String
    /// The type the CSV reader infers for the column.
    package var type: ColumnType
    package var role: Role
    /// One sentence on what the column means and how it relates to the others.
    package var summary: String
    /// The allowed values of a categorical or label column, in a stable order; empty otherwise.
    package var values: [String]
    /// The smallest value a numeric column can take, when bounded.
    package var minimum: Double?
    /// The largest value a numeric column can take, when bounded.
    package var maximum: Double?

    package init(
        _ name: String, _ type: ColumnType, role: Role, summary: String, values: [String] = [],
        minimum: Double? = nil, maximum: Double? = nil
    ) {
        self.name = name
        self.type = type
        self.role = role
        self.summary = summary
        self.values = values
        self.minimum = minimum
        self.maximum = maximum
    }
}
