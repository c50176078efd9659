/// Joining the builders of one column from consecutive stretches of a file read in parallel.
extension ColumnBuilder {
    /// The type a column has over all stretches: the common type, double for integers mixed
    /// with doubles, text for anything else mixed.
    ///
    /// Stretches with only nulls do not vote.
    static func unifiedKind(_ kinds: [Kind]) -> Kind {
        let known = Set(kinds.filter { $0 != .unknown })
        if known.count <= 1 { return known.first ?? .unknown }
        return known.isSubset(of: [.integer, .double]) ? .double : .string
    }

    /// Appends every row of `next` (the same column, read from the following stretch) after
    /// this builder's rows, and empties `next` so its memory goes back at once.
    ///
    /// Both must already have the unified type, except that integers widen to doubles here and
    /// a stretch of only nulls takes the other's type.
    mutating func absorb(_ next: inout ColumnBuilder) {
        if kind == .integer, next.kind == .double { widenToDouble() }
        if kind == .double, next.kind == .integer { next.widenToDouble() }
        if kind == .unknown { adopt(next.kind) }
        if next.kind == .unknown { next.adopt(kind) }
        if tracksNulls || next.tracksNulls {
            nulls = tracksNulls ? nulls : [Bool](repeating: false, count: rows)
            nulls.reserveCapacity(rows + next.rows)
            if next.tracksNulls { nulls += next.nulls } else { nulls += repeatElement(false, count: next.rows) }
            tracksNulls = true
        }
        switch kind {
        case .integer: integers.append(contentsOf: next.integers)
        case .double: Self.join(&doubles, next.doubles)
        case .boolean: Self.join(&booleans, next.booleans)
        case .string:
            let recoded = next.interner.strings.map { interner.intern($0) }
            codes.reserveCapacity(codes.count + next.codes.count)
            codes.adviseHugePages()
            for code in next.codes { codes.append(code < 0 ? -1 : recoded[Int(code)]) }
        case .unknown: break
        }
        if !next.missingTokenCounts.isEmpty {
            if missingTokenCounts.isEmpty {
                missingTokenCounts = next.missingTokenCounts
            } else {
                for index in missingTokenCounts.indices { missingTokenCounts[index] += next.missingTokenCounts[index] }
            }
        }
        rows += next.rows
        next = ColumnBuilder(name: next.name, forced: next.forced)
    }

    private static func join<Element: BitwiseCopyable>(_ values: inout [Element], _ more: [Element]) {
        values.reserveCapacity(values.count + more.count)
        values.adviseHugePages()
        values += more
    }

    /// Gives a column that has seen only nulls the type `kind`, with a placeholder per row.
    private mutating func adopt(_ kind: Kind) {
        self.kind = kind
        switch kind {
        case .integer:
            integers = IntegerValues()
            integers.appendZeros(rows)
        case .double: doubles = [Double](repeating: 0, count: rows)
        case .boolean: booleans = [Bool](repeating: false, count: rows)
        case .string: codes = [Int32](repeating: -1, count: rows)
        case .unknown: break
        }
    }
}

extension ByteInterner {
    /// The code of `text`, adding it when new; `text` is valid UTF-8 already.
    mutating func intern(_ text: String) -> Int32 {
        var text = text
        return text.withUTF8 { buffer in
            guard let base = buffer.baseAddress, case .code(let code) = intern(base, buffer.count) else { return -1 }
            return code
        }
    }
}
