/// Model inputs as one dense, row-major buffer of doubles.
///
/// Every estimator reads rows out of a single contiguous array rather than arrays of arrays,
/// so that the inner loops of training touch memory in order and allocate nothing.
package struct FeatureMatrix: Sendable, Equatable {
    package let rows: Int
    package let columns: Int
    /// `values[row * columns + column]`.
    package var values: [Double]

    package init(rows: Int, columns: Int, values: [Double]) {
        precondition(values.count == rows * columns, "matrix buffer does not match its shape")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// A matrix of zeros.
    package init(rows: Int, columns: Int) {
        self.init(rows: rows, columns: columns, values: [Double](repeating: 0, count: rows * columns))
    }

    package subscript(row: Int, column: Int) -> Double {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// One row, copied out.
    package func row(_ index: Int) -> [Double] {
        Array(values[index * columns..<(index + 1) * columns])
    }
}
