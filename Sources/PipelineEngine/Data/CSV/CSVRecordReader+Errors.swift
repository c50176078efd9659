import LabSupport

/// The errors about whole records and typed values, worded with the header's column names.
extension CSVRecordReader {
    /// A record with more fields than the header has columns.
    func tooManyFields(_ recordStart: Int, extra: CSVField, _ tokenizer: CSVTokenizer) -> LabError {
        var tokenizer = tokenizer
        var fields = (header.entries.count) + 1
        var last = extra
        while !last.endsRecord, let next = try? tokenizer.nextField() {
            fields += 1
            last = next
        }
        let columns = header.entries.count
        let found = diagnostics.quoted(recordStart, diagnostics.lineEnd(after: extra.begin))
        return diagnostics.error(
            .csvRaggedRow,
            "row has \(fields) fields but the header has \(columns) columns: found \(found)",
            at: extra.begin)
    }

    /// A record with fewer fields than the header has columns.
    func tooFewFields(_ recordStart: Int, last: CSVField, count: Int) -> LabError {
        let names = header.names
        let missing = names[count...].map { "'\($0)'" }.joined(separator: ", ")
        let found = diagnostics.quoted(recordStart, last.terminator)
        return diagnostics.error(
            .csvRaggedRow,
            "row has \(count) field\(count == 1 ? "" : "s") but the header has \(names.count) columns "
                + "(no value for \(missing)): found \(found)",
            at: last.terminator)
    }

    /// A value that does not fit its column's forced type.
    func typeMismatch(_ field: CSVField, _ entry: CSVHeader.Entry) -> LabError {
        let expected =
            switch entry.forced {
            case .integer: "an integer"
            case .double: "a number"
            case .boolean: "a boolean (true or false)"
            case .string, nil: "text"
            }
        let value = diagnostics.quoted(field.start, field.end)
        return diagnostics.error(
            .csvTypeMismatch,
            "value \(value) in column '\(entry.name)' is not \(expected), as \(entry.forcedBy ?? "its type") requires",
            at: field.start)
    }

    /// Bytes that are not UTF-8 in a field of `column`.
    func invalidUTF8(_ field: CSVField, column: Int) -> LabError {
        let bad = bytes.withStart { UTF8Validation.firstInvalidByte($0 + field.start, field.end - field.start) } ?? 0
        return diagnostics.invalidUTF8(at: field.start + bad, field: field, place: place(column))
    }
}
