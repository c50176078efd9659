import LabSupport

/// Reads CSV files (RFC 4180) into typed, column-stored tables.
///
/// Each column's type is inferred from all its values: integer, then double, then boolean
/// (`true`/`false` in any case), else text; an empty field is null. A header cell written
/// `name:type` forces a type, and so does the `types` option. Bad input throws a `LabError`
/// naming the file, line and column and quoting what was found.
package enum CSVReader {
    /// Reads the CSV file at `path`; `types` forces column types by name.
    ///
    /// Messages and the table's `source` name the file `name` (the path as the user typed
    /// it), else `path`.
    package static func read(
        file path: String, named name: String? = nil,
        types: [String: ColumnType] = [:]
    ) throws -> DataTable {
        let file = try MappedFile(path: path, name: name ?? path)
        let table = try withExtendedLifetime(file) {
            try read(file.bytes, source: name ?? path, types: types, file: file)
        }
        // A Ctrl-C during a long read stops the command before it acts on the table.
        try Interruption.check()
        return table
    }

    /// Reads CSV from bytes in memory; `source` names them in error messages.
    package static func parse(_ bytes: [UInt8], source: String, types: [String: ColumnType] = [:]) throws -> DataTable {
        try bytes.withUnsafeBufferPointer { try read($0, source: source, types: types, file: nil) }
    }

    /// Reads CSV from text in memory; `source` names it in error messages.
    package static func parse(_ text: String, source: String, types: [String: ColumnType] = [:]) throws -> DataTable {
        try parse(Array(text.utf8), source: source, types: types)
    }

    /// Reads the header, then the records: in parallel stretches for a large input, else in one.
    ///
    /// Any error in a parallel read is found again by a sequential one, so that the message is
    /// always about the first problem in the file, worded the same way.
    static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, source: String, types: [String: ColumnType],
        file: MappedFile?, parallel: Int? = nil
    ) throws -> DataTable {
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        let diagnostics = CSVDiagnostics(bytes: bytes, source: source, bomLength: bom ? 3 : 0)
        let header = try CSVHeader(bytes, start: diagnostics.bomLength, diagnostics: diagnostics, types: types)
        let stretches = CSVStretches.split(bytes, from: header.end, firstLine: header.nextLine, parts: parallel)
        if stretches.count > 1, let table = readInParallel(stretches, bytes, diagnostics, header, file) {
            return table
        }
        var reader = CSVRecordReader(
            bytes: bytes, diagnostics: diagnostics, header: header, file: file,
            stretch: CSVStretch(
                start: header.end, end: bytes.count, firstLine: header.nextLine,
                reserveBytes: bytes.count - header.end))
        try reader.read()
        return reader.table()
    }
}

/// The records of one stretch of a CSV body, read into one builder per column.
struct CSVRecordReader {
    /// How many bytes a reader parses between handing mapped pages back: the file's resident
    /// share stays near this much per thread (16 MB kept 32 MB of a file resident at two threads).
    private static let releaseStride = 2 << 20

    /// The whole input (a stretch's records lie between `stretch.start` and `stretch.end`).
    let bytes: UnsafeBufferPointer<UInt8>
    let diagnostics: CSVDiagnostics
    let header: CSVHeader
    let file: MappedFile?
    let stretch: CSVStretch
    /// The builders, one per column, kept alive by `owner`.
    let builders: UnsafeMutableBufferPointer<ColumnBuilder>
    let owner: ColumnBuilders
    private var scratch: [UInt8] = []
    /// The line of each row when they differ from `stretch.firstLine + row`; else empty.
    private(set) var rowLines: [Int] = []
    private(set) var rows = 0
    /// The line after the stretch's last record, once it is read.
    private(set) var endLine = 0

    init(
        bytes: UnsafeBufferPointer<UInt8>, diagnostics: CSVDiagnostics, header: CSVHeader, file: MappedFile?,
        stretch: CSVStretch
    ) {
        self.bytes = bytes
        self.diagnostics = diagnostics
        self.header = header
        self.file = file
        self.stretch = stretch
        owner = ColumnBuilders(header.entries.map { ColumnBuilder(name: $0.name, forced: $0.forced) })
        builders = owner.buffer
    }

    /// The table the records make, on their own.
    func table() -> DataTable {
        var lines = rowLines
        if lines.isEmpty, stretch.firstLine != 2 { lines = (0..<rows).map { stretch.firstLine + $0 } }
        return DataTable(columns: builders.map { $0.build() }, source: diagnostics.source, rowLines: lines)
    }

    /// Reads every record of the stretch.
    mutating func read() throws {
        let columnCount = builders.count
        var tokenizer = stretchTokenizer()
        var releasedAt = stretch.start
        while tokenizer.startRecord() {
            let recordStart = tokenizer.position
            if tokenizer.line != rows + stretch.firstLine || !rowLines.isEmpty { noteLine(tokenizer.line) }
            var column = 0
            while true {
                var endsRecord = false
                if column < columnCount, let end = storePlainNumber(&tokenizer, column: column, endsRecord: &endsRecord)
                {
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
                try store(field, column: column)
                column += 1
                if field.endsRecord {
                    if column < columnCount { throw tooFewFields(recordStart, last: field, count: column) }
                    break
                }
            }
            rows += 1
            if rows == 1024 { reserveForEstimatedRows(bytesSoFar: tokenizer.position - stretch.start) }
            if let file, tokenizer.position - releasedAt > Self.releaseStride {
                file.release(releasedAt..<recordStart)
                releasedAt = recordStart
            }
        }
        owner.flushAll()
        endLine = tokenizer.line
    }

    /// A tokenizer over the stretch only: it sees the stretch's end as the end of the input.
    private func stretchTokenizer() -> CSVTokenizer {
        let bounded = UnsafeBufferPointer(start: bytes.baseAddress, count: stretch.end)
        return CSVTokenizer(bounded, position: stretch.start, line: stretch.firstLine)
    }

    /// Stores one field's value in its column, replaying the column as text if it must widen.
    @inline(__always)
    private mutating func store(_ field: CSVField, column: Int) throws {
        // The numbers the fast path staged come first.
        owner.flush(column)
        if field.isEmpty {
            builders[column].appendNull()
            return
        }
        var outcome = append(field, column: column)
        if case .needsText = outcome {
            try replayAsText(column: column)
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
        bytes.withStart { p in
            if field.escaped {
                CSVTokenizer.unescape(p, field, into: &scratch)
                let unescaped = scratch
                return unescaped.withUnsafeBufferPointer { text in
                    text.withStart { builders[column].append($0, text.count) }
                }
            }
            return builders[column].append(p + field.start, field.end - field.start)
        }
    }

    /// Makes `column` text and appends its fields of the rows read so far again, as text.
    ///
    /// Needed when a column that looked numeric meets a word: the numbers already parsed
    /// cannot give back the exact text they were written as (`007`, `1.50`).
    mutating func replayAsText(column: Int) throws {
        builders[column].restartAsText()
        var tokenizer = stretchTokenizer()
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
        if rowLines.isEmpty { rowLines = (0..<rows).map { $0 + stretch.firstLine } }
        rowLines.append(line)
    }

    private mutating func reserveForEstimatedRows(bytesSoFar: Int) {
        let bytesPerRow = max(1, bytesSoFar / rows)
        let estimate = stretch.reserveBytes / bytesPerRow
        let rowsToReserve = estimate + estimate / 16 + 16
        for index in builders.indices { builders[index].reserve(rows: rowsToReserve) }
    }

    func place(_ column: Int) -> String {
        column < header.entries.count ? "in column '\(header.entries[column].name)'" : "in field \(column + 1)"
    }
}
