import Foundation
import LabSupport

/// A fitted preprocessor bound to the columns of one table, ready to encode its rows.
///
/// Binding resolves each feature's column once (and checks that its type still fits), so that
/// encoding is only array reads. Serving one row and transforming a whole table run the same
/// writers (over one row or over all), which keeps single and batch predictions identical.
struct RowEncoder {
    /// Writes one transform's features for `rows` into a row-major buffer: `out` points at the
    /// first of those rows' slots for this transform, and rows are `stride` doubles apart.
    private typealias Writer = (_ rows: Range<Int>, _ out: UnsafeMutablePointer<Double>, _ stride: Int) -> Void

    let width: Int
    let rowCount: Int
    private var writers: [(offset: Int, write: Writer)] = []

    init(_ preprocessor: Preprocessor, table: DataTable) throws {
        width = preprocessor.width
        rowCount = table.rowCount
        var offset = 0
        for transform in preprocessor.transforms {
            let column = try table.requireColumn(transform.name)
            switch transform {
            case .numeric(let scaling):
                writers.append((offset, try Self.numericWriter(scaling, column: column, table: table)))
            case .categorical(let oneHot):
                writers.append((offset, Self.categoricalWriter(oneHot, column: column)))
            case .text(let hashed):
                writers.append((offset, Self.textWriter(hashed, column: column)))
            }
            offset += transform.width
        }
    }

    /// Writes the features of `row` into `out`, which holds `width` zeros.
    func encode(row: Int, into out: UnsafeMutablePointer<Double>) {
        for (offset, write) in writers { write(row..<row + 1, out + offset, width) }
    }

    /// The features of every row of the table.
    func encodeAll() -> FeatureMatrix {
        var matrix = FeatureMatrix(rows: rowCount, columns: width)
        let width = self.width
        matrix.values.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            // Blocks of rows small enough to stay in cache while every column writes into them.
            for start in stride(from: 0, to: rowCount, by: 256) {
                let rows = start..<min(start + 256, rowCount)
                for (offset, write) in writers { write(rows, base + start * width + offset, width) }
            }
        }
        return matrix
    }

    private static func numericWriter(_ scaling: NumericScaling, column: Column, table: DataTable) throws -> Writer {
        let mean = scaling.mean
        let scale = scaling.scale
        let indicator = scaling.missingIndicator
        let nulls = column.nulls
        /// `(x - mean) / scale`, term by term when `x - mean` overflows (x near ±1.8e308).
        func standardised(_ x: Double) -> Double {
            let gap = x - mean
            return gap.isFinite ? gap / scale : x / scale - mean / scale
        }
        func scaled(_ read: @escaping (Int) -> Double) -> Writer {
            if nulls.isEmpty {
                return { rows, out, stride in
                    var slot = out
                    for row in rows {
                        slot[0] = standardised(read(row))
                        slot += stride
                    }
                }
            }
            // A null stays 0 (the mean, standardised) and sets the missing flag if there is one.
            return { rows, out, stride in
                var slot = out
                for row in rows {
                    if !nulls[row] {
                        slot[0] = standardised(read(row))
                    } else if indicator {
                        slot[1] = 1
                    }
                    slot += stride
                }
            }
        }
        switch column.storage {
        case .double(let v): return scaled { v[$0] }
        case .integer(let v): return scaled { Double(v[$0]) }
        case .boolean(let v): return scaled { v[$0] ? 1 : 0 }
        case .string(let codes, let dictionary):
            let source = table.source.isEmpty ? "the data" : table.source
            var message = "feature '\(column.name)' was numeric when the model was trained but holds text in \(source)"
            if let row = firstNonNumber(codes, dictionary) {
                message += ": '\(dictionary[Int(codes[row])])' on line \(table.line(ofRow: row)) is not a number"
            }
            throw LabError(.dataTypeMismatch, message)
        }
    }

    /// The first row whose text does not read as a number: the value that made the column text.
    private static func firstNonNumber(_ codes: [Int32], _ dictionary: [String]) -> Int? {
        let isNumber = dictionary.map { Double($0.trimmingCharacters(in: .whitespaces)) != nil }
        return codes.indices.first { codes[$0] >= 0 && !isNumber[Int(codes[$0])] }
            ?? codes.indices.first { codes[$0] >= 0 }
    }

    private static func categoricalWriter(_ oneHot: OneHotCategories, column: Column) -> Writer {
        var index: [CodePoints: Int] = [:]
        for (i, category) in oneHot.categories.enumerated() { index[CodePoints(category)] = i }
        if case .string(let codes, let dictionary) = column.storage {
            let slots = dictionary.map { index[CodePoints($0)] ?? -1 }
            return { rows, out, stride in
                var slot = out
                for row in rows {
                    let code = Int(codes[row])
                    if code >= 0, slots[code] >= 0 { slot[slots[code]] = 1 }
                    slot += stride
                }
            }
        }
        return { rows, out, stride in
            var slot = out
            for row in rows {
                if let text = column.text(at: row), let i = index[CodePoints(text)] { slot[i] = 1 }
                slot += stride
            }
        }
    }

    private static func textWriter(_ hashed: HashedText, column: Column) -> Writer {
        let buckets = hashed.buckets
        if case .string(let codes, let dictionary) = column.storage {
            // Each distinct text is tokenised once; rows then copy its few non-zero buckets.
            let sparse = dictionary.map { TextHashing.sparseVector($0, buckets: buckets) }
            return { rows, out, stride in
                var slot = out
                for row in rows {
                    let code = Int(codes[row])
                    if code >= 0 { for (bucket, weight) in sparse[code] { slot[bucket] = weight } }
                    slot += stride
                }
            }
        }
        return { rows, out, stride in
            var slot = out
            for row in rows {
                if let text = column.text(at: row) {
                    for (bucket, weight) in TextHashing.sparseVector(text, buckets: buckets) { slot[bucket] = weight }
                }
                slot += stride
            }
        }
    }
}

extension Preprocessor {
    /// The model features of every row of `table`, or an error naming a missing or mistyped column.
    package func transform(_ table: DataTable) throws -> FeatureMatrix {
        try RowEncoder(self, table: table).encodeAll()
    }
}
