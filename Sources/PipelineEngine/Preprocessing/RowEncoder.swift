/// A fitted preprocessor bound to the columns of one table, ready to encode its rows.
///
/// Binding resolves each feature's column once (and checks that its type still fits), so that
/// encoding a row is only array reads; serving one row and transforming a whole table go
/// through the same code, which keeps single predictions and batch predictions identical.
struct RowEncoder {
    /// Writes one row's features for one transform into the row's output slots.
    private typealias Writer = (_ row: Int, _ out: UnsafeMutablePointer<Double>) -> Void

    let width: Int
    let rowCount: Int
    private var writers: [Writer] = []

    init(_ preprocessor: Preprocessor, table: DataTable) throws {
        width = preprocessor.width
        rowCount = table.rowCount
        var offset = 0
        for transform in preprocessor.transforms {
            let column = try table.requireColumn(transform.name)
            switch transform {
            case .numeric(let scaling):
                writers.append(try Self.numericWriter(scaling, column: column, source: table.source, offset: offset))
            case .categorical(let oneHot):
                writers.append(Self.categoricalWriter(oneHot, column: column, offset: offset))
            case .text(let hashed):
                writers.append(Self.textWriter(hashed, column: column, offset: offset))
            }
            offset += transform.width
        }
    }

    /// Writes the features of `row` into `out`, which holds `width` zeros.
    @inline(__always)
    func encode(row: Int, into out: UnsafeMutablePointer<Double>) {
        for writer in writers { writer(row, out) }
    }

    /// The features of every row of the table.
    func encodeAll() -> FeatureMatrix {
        var matrix = FeatureMatrix(rows: rowCount, columns: width)
        let width = self.width
        matrix.values.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for row in 0..<rowCount { encode(row: row, into: base + row * width) }
        }
        return matrix
    }

    private static func numericWriter(_ scaling: NumericScaling, column: Column, source: String, offset: Int) throws -> Writer {
        let mean = scaling.mean, scale = scaling.scale
        let indicator = scaling.missingIndicator ? offset + 1 : -1
        let nulls = column.nulls
        func values(_ read: @escaping (Int) -> Double) -> Writer {
            if nulls.isEmpty { return { row, out in out[offset] = (read(row) - mean) / scale } }
            return { row, out in
                if nulls[row] {
                    if indicator >= 0 { out[indicator] = 1 }
                } else {
                    out[offset] = (read(row) - mean) / scale
                }
            }
        }
        switch column.storage {
        case .double(let v): return values { v[$0] }
        case .integer(let v): return values { Double(v[$0]) }
        case .boolean(let v): return values { v[$0] ? 1 : 0 }
        case .string(let codes, let dictionary):
            let example = codes.first { $0 >= 0 }.map { " (e.g. '\(dictionary[Int($0)])')" } ?? ""
            throw LabError("data.type_mismatch",
                           "feature '\(column.name)' was numeric when the model was trained but holds text in \(source.isEmpty ? "the data" : source)\(example)")
        }
    }

    private static func categoricalWriter(_ oneHot: OneHotCategories, column: Column, offset: Int) -> Writer {
        var index: [String: Int] = [:]
        for (i, category) in oneHot.categories.enumerated() { index[category] = i }
        if case .string(let codes, let dictionary) = column.storage {
            let slot = dictionary.map { index[$0] ?? -1 }
            return { row, out in
                let code = Int(codes[row])
                if code >= 0, slot[code] >= 0 { out[offset + slot[code]] = 1 }
            }
        }
        return { row, out in
            if let text = column.text(at: row), let i = index[text] { out[offset + i] = 1 }
        }
    }

    private static func textWriter(_ hashed: HashedText, column: Column, offset: Int) -> Writer {
        let buckets = hashed.buckets
        if case .string(let codes, let dictionary) = column.storage {
            // Each distinct text is tokenised once; rows then copy its few non-zero buckets.
            let sparse = dictionary.map { TextHashing.sparseVector($0, buckets: buckets) }
            return { row, out in
                let code = Int(codes[row])
                guard code >= 0 else { return }
                for (bucket, weight) in sparse[code] { out[offset + bucket] = weight }
            }
        }
        return { row, out in
            guard let text = column.text(at: row) else { return }
            for (bucket, weight) in TextHashing.sparseVector(text, buckets: buckets) { out[offset + bucket] = weight }
        }
    }
}

extension Preprocessor {
    /// The model features of every row of `table`, or an error naming a missing or mistyped column.
    public func transform(_ table: DataTable) throws -> FeatureMatrix {
        try RowEncoder(self, table: table).encodeAll()
    }
}
