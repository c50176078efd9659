/// Reads CSV files (RFC 4180) into typed, column-stored tables.
///
/// Each column's type is inferred from all its values: integer, then double, then boolean
/// (`true`/`false` in any case), else text; an empty field is null. A header cell written
/// `name:type` forces a type, and so does the `types` option. Bad input throws a `LabError`
/// naming the file, line and column and quoting what was found.
public enum CSVReader {
    /// Reads the CSV file at `path`; `types` forces column types by name.
    public static func read(file path: String, types: [String: ColumnType] = [:]) throws -> DataTable {
        let file = try MappedFile(path: path)
        return try withExtendedLifetime(file) {
            var reader = CSVTableReader(bytes: file.bytes, source: path, file: file)
            return try reader.read(types: types)
        }
    }

    /// Reads CSV from bytes in memory; `source` names them in error messages.
    public static func parse(_ bytes: [UInt8], source: String, types: [String: ColumnType] = [:]) throws -> DataTable {
        try bytes.withUnsafeBufferPointer { buffer in
            var reader = CSVTableReader(bytes: buffer, source: source, file: nil)
            return try reader.read(types: types)
        }
    }

    /// Reads CSV from text in memory; `source` names it in error messages.
    public static func parse(_ text: String, source: String, types: [String: ColumnType] = [:]) throws -> DataTable {
        try parse(Array(text.utf8), source: source, types: types)
    }
}

/// One read of one CSV input: the header, then every record into the column builders.
struct CSVTableReader {
    private static let releaseStride = 16 << 20

    let bytes: UnsafeBufferPointer<UInt8>
    let file: MappedFile?
    let diagnostics: CSVDiagnostics
    private(set) var header: CSVHeader?
    /// The builders, one per column, owned by `owner`.
    var builders = UnsafeMutableBufferPointer<ColumnBuilder>(start: nil, count: 0)
    private var owner: ColumnBuilders?
    private var scratch: [UInt8] = []
    private var rowLines: [Int] = []
    private var rows = 0

    init(bytes: UnsafeBufferPointer<UInt8>, source: String, file: MappedFile?) {
        self.bytes = bytes
        self.file = file
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        diagnostics = CSVDiagnostics(bytes: bytes, source: source, bomLength: bom ? 3 : 0)
    }

    mutating func read(types: [String: ColumnType]) throws -> DataTable {
        let header = try CSVHeader(bytes, start: diagnostics.bomLength, diagnostics: diagnostics, types: types)
        self.header = header
        let owner = ColumnBuilders(header.entries.map { ColumnBuilder(name: $0.name, forced: $0.forced) })
        self.owner = owner
        builders = owner.buffer
        defer { self.owner = nil }
        if header.end < bytes.count { try readRecords(header) }
        return DataTable(columns: builders.map { $0.build() }, source: diagnostics.source, rowLines: rowLines)
    }

    private mutating func readRecords(_ header: CSVHeader) throws {
        let columnCount = builders.count
        var tokenizer = CSVTokenizer(bytes, position: header.end, line: header.nextLine)
        var releasedAt = 0
        while tokenizer.startRecord() {
            let recordStart = tokenizer.position
            if tokenizer.line != rows + 2 || !rowLines.isEmpty { noteLine(tokenizer.line) }
            var column = 0
            while true {
                var endsRecord = false
                if column < columnCount, let end = storePlainNumber(&tokenizer, column: column, endsRecord: &endsRecord) {
                    column += 1
                    if endsRecord {
                        if column < columnCount {
                            var last = CSVField(begin: end, start: end, end: end, escaped: false)
                            last.terminator = end
                            throw tooFewFields(recordStart, last: last, count: column)
                        }
                        break
                    }
                    continue
                }
                let field: CSVField
                do {
                    field = try tokenizer.nextField()
                } catch {
                    throw diagnostics.error(for: error, place: place(column))
                }
                if column == columnCount { throw tooManyFields(recordStart, extra: field, tokenizer) }
                try store(field, column: column, header)
                column += 1
                if field.endsRecord {
                    if column < columnCount { throw tooFewFields(recordStart, last: field, count: column) }
                    break
                }
            }
            rows += 1
            if rows == 1024 { reserveForEstimatedRows(bytesSoFar: tokenizer.position - header.end, from: header.end) }
            if let file, tokenizer.position - releasedAt > Self.releaseStride {
                file.release(upTo: recordStart)
                releasedAt = tokenizer.position
            }
        }
    }

    /// Stores one field's value in its column, replaying the column as text if it must widen.
    @inline(__always)
    private mutating func store(_ field: CSVField, column: Int, _ header: CSVHeader) throws {
        if field.isEmpty {
            builders[column].appendNull()
            return
        }
        var outcome = append(field, column: column)
        if case .needsText = outcome {
            try replayAsText(column: column, header)
            outcome = append(field, column: column)
        }
        switch outcome {
        case .stored, .needsText:
            return
        case .notForcedType:
            throw typeMismatch(field, header.entries[column])
        case .invalidUTF8:
            throw invalidUTF8(field, column: column)
        }
    }

    @inline(__always)
    private mutating func append(_ field: CSVField, column: Int) -> ColumnBuilder.Outcome {
        let p = bytes.baseAddress!
        if field.escaped {
            CSVTokenizer.unescape(p, field, into: &scratch)
            let unescaped = scratch
            return unescaped.withUnsafeBufferPointer { builders[column].append($0.baseAddress!, $0.count) }
        }
        return builders[column].append(p + field.start, field.end - field.start)
    }

    /// Makes `column` text and appends its fields of the rows read so far again, as text.
    ///
    /// Needed when a column that looked numeric meets a word: the numbers already parsed
    /// cannot give back the exact text they were written as (`007`, `1.50`).
    private mutating func replayAsText(column: Int, _ header: CSVHeader) throws {
        builders[column].restartAsText()
        var tokenizer = CSVTokenizer(bytes, position: header.end, line: header.nextLine)
        for _ in 0..<rows {
            _ = tokenizer.startRecord()
            var index = 0
            while true {
                let field = try tokenizer.nextField()
                if index == column {
                    if field.isEmpty {
                        builders[column].appendNull()
                    } else if case .invalidUTF8 = append(field, column: column) {
                        throw invalidUTF8(field, column: column)
                    }
                }
                index += 1
                if field.endsRecord { break }
            }
        }
    }

    private mutating func noteLine(_ line: Int) {
        if rowLines.isEmpty { rowLines = (0..<rows).map { $0 + 2 } }
        rowLines.append(line)
    }

    private mutating func reserveForEstimatedRows(bytesSoFar: Int, from start: Int) {
        let bytesPerRow = max(1, bytesSoFar / rows)
        let estimate = (bytes.count - start) / bytesPerRow
        let rowsToReserve = estimate + estimate / 16 + 16
        for index in builders.indices { builders[index].reserve(rows: rowsToReserve) }
    }

    func place(_ column: Int) -> String {
        guard let header else { return "" }
        return column < header.entries.count
            ? "in column '\(header.entries[column].name)'" : "in field \(column + 1)"
    }
}
