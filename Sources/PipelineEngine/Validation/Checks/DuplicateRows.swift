/// Finds rows that repeat an earlier row in every column, as pandas' `DataFrame.duplicated()`
/// does (the first copy is kept, later copies count; two nulls are equal).
///
/// Rows are hashed column by column into one array and grouped in an open-addressing table,
/// so a million rows need two small arrays rather than a million keys.
enum DuplicateRows {
    /// How many rows repeat an earlier one, and the first few of them (0-based).
    static func find(in table: DataTable, exampleLimit: Int = PerValueOutcome.exampleLimit)
        -> (count: Int, examples: [Int])
    {
        let rows = table.rowCount
        guard rows > 1 else { return (0, []) }
        let hashes = rowHashes(table)
        var capacity = 1
        while capacity < rows * 2 { capacity <<= 1 }
        let mask = capacity - 1
        var slots = [Int32](repeating: -1, count: capacity)
        var count = 0
        var examples: [Int] = []
        for row in 0..<rows {
            var slot = Int(truncatingIfNeeded: hashes[row]) & mask
            var duplicate = false
            while slots[slot] >= 0 {
                let other = Int(slots[slot])
                if hashes[other] == hashes[row], rowsEqual(table, row, other) {
                    duplicate = true
                    break
                }
                slot = (slot + 1) & mask
            }
            if duplicate {
                count += 1
                if examples.count < exampleLimit { examples.append(row) }
            } else {
                slots[slot] = Int32(row)
            }
        }
        return (count, examples)
    }

    private static func rowHashes(_ table: DataTable) -> [UInt64] {
        var hashes = [UInt64](repeating: 0x243F_6A88_85A3_08D3, count: table.rowCount)
        let nullKey: UInt64 = 0x9E37_79B9_7F4A_7C15
        func mix(_ keys: (Int) -> UInt64, _ column: Column) {
            let nulls = column.nulls
            for row in hashes.indices {
                let key = !nulls.isEmpty && nulls[row] ? nullKey : keys(row)
                var h = (hashes[row] ^ key) &* 0xBF58_476D_1CE4_E5B9
                h ^= h >> 31
                hashes[row] = h
            }
        }
        for column in table.columns {
            switch column.storage {
            case .integer(let values): mix({ UInt64(bitPattern: values[$0]) }, column)
            case .double(let values): mix({ (values[$0] + 0.0).bitPattern }, column)
            case .boolean(let values): mix({ values[$0] ? 1 : 2 }, column)
            case .string(let codes, _): mix({ UInt64(UInt32(bitPattern: codes[$0])) }, column)
            }
        }
        return hashes
    }

    private static func rowsEqual(_ table: DataTable, _ a: Int, _ b: Int) -> Bool {
        for column in table.columns {
            let aNull = column.isNull(a)
            let bNull = column.isNull(b)
            if aNull != bNull { return false }
            if aNull { continue }
            switch column.storage {
            case .integer(let values): if values[a] != values[b] { return false }
            case .double(let values): if values[a] != values[b] { return false }
            case .boolean(let values): if values[a] != values[b] { return false }
            case .string(let codes, _): if codes[a] != codes[b] { return false }
            }
        }
        return true
    }
}
