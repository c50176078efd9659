import LabSupport

/// What `data profile` says about how a column was read, where pandas would read it otherwise
/// or where a null was written as a word.
extension ColumnProfile {
    /// The notes for `column`: missing-value words read as null, integers too large for
    /// 64 bits kept as text, and numbers that are text only because of infinity words.
    static func readingNotes(_ column: Column) -> [String] {
        var notes: [String] = []
        let nulls = column.nullCount
        if !column.missingTokens.isEmpty {
            let words = column.missingTokens.reduce(0) { $0 + $1.value }
            var sources = MissingValueTokens.all.compactMap { token in
                column.missingTokens[token].map { "'\(token)' ×\($0)" }
            }
            if nulls > words { sources.append("'' ×\(nulls - words)") }
            notes.append("missing: \(nulls) (read from \(sources.joined(separator: ", ")))")
        }
        guard case .string(_, let dictionary) = column.storage, !dictionary.isEmpty else { return notes }
        var beyondInt64 = 0
        var infinities = 0
        for value in dictionary {
            let bytes = Array(value.utf8)
            let isBig = bytes.withUnsafeBufferPointer { buffer in
                buffer.withStart { ByteNumberParsing.isIntegerBeyondInt64($0, buffer.count) }
            }
            if isBig {
                beyondInt64 += 1
            } else if infinityWords.contains(value) {
                infinities += 1
            } else if bytes.withUnsafeBufferPointer({ buffer in
                buffer.withStart { ByteNumberParsing.double($0, buffer.count) }
            })
                == nil
            {
                return notes
            }
        }
        if beyondInt64 > 0 {
            notes.append(
                "text: \(beyondInt64) integer\(beyondInt64 == 1 ? "" : "s") beyond 64 bits, "
                    + "kept exact as text (pandas: object dtype)")
        }
        if infinities > 0 {
            notes.append(
                "text only because of infinity words (\(infinityWords.filter { dictionary.contains($0) }.map { "'\($0)'" }.joined(separator: ", "))); "
                    + "pandas reads them as float infinity, the lab as text")
        }
        return notes
    }

    /// Words pandas reads as a float infinity; the lab reads them as text.
    static let infinityWords: [String] = [
        "inf", "-inf", "+inf", "Inf", "-Inf", "+Inf", "INF", "-INF", "Infinity", "-Infinity", "+Infinity",
    ]
}
