import LabSupport

/// Words the CSV reader's errors: where in the file (line and column), what was found there,
/// and what was expected.
///
/// Locations are computed only when something is wrong, by counting from the start of the
/// file, so the fast path never tracks columns. Columns count characters (Unicode scalars),
/// as editors do, and a byte order mark is not counted.
struct CSVDiagnostics {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The file as the user named it.
    let source: String
    /// The length of the byte order mark, 3 or 0.
    let bomLength: Int

    /// The 1-based line and column of the byte at `offset`.
    func location(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = bomLength
        let end = Swift.min(offset, bytes.count)
        for i in 0..<end where bytes[i] == CSVTokenizer.lineFeed {
            line += 1
            lineStart = i + 1
        }
        var column = 1
        if lineStart < end {
            for i in lineStart..<end where bytes[i] & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    /// An error about the byte at `offset`.
    func error(_ code: LabError.Code, _ message: String, at offset: Int) -> LabError {
        let (line, column) = location(of: offset)
        return LabError(code, message, file: source, line: line, column: column)
    }

    /// The error for a malformed spot the tokenizer found; `place` says where, as in
    /// `in column 'plan'`.
    func error(for fault: CSVFault, place: String) -> LabError {
        switch fault.kind {
        case .unterminatedQuote:
            let text = quoted(fault.fieldBegin, lineEnd(after: fault.fieldBegin))
            return error(
                .csvUnterminatedQuote,
                "quoted field \(place) is never closed: found \(text); add the closing '\"'", at: fault.offset)
        case .strayQuote:
            let text = quoted(fault.fieldBegin, fieldEnd(after: fault.offset))
            return error(
                .csvStrayQuote,
                "quote inside an unquoted field \(place): found \(text); quote the whole field and double the "
                    + "quotes inside it, as in \"a \"\"b\"\" c\"", at: fault.offset)
        case .textAfterQuote:
            let text = quoted(fault.fieldBegin, fieldEnd(after: fault.offset))
            return error(
                .csvTextAfterQuote,
                "text after the closing quote \(place): found \(text); expected ',' or the end of the line",
                at: fault.offset)
        case .nulByte:
            return error(
                .csvNulByte,
                "NUL byte \(place): found \(quoted(fault.fieldBegin, fieldEnd(after: fault.offset + 1))); "
                    + "a CSV file is text (is this a binary file?)", at: fault.offset)
        case .strayCarriageReturn:
            return error(
                .csvStrayCarriageReturn,
                "carriage return without a line feed \(place): found "
                    + "\(quoted(fault.fieldBegin, fieldEnd(after: fault.offset + 1))); end lines with LF or CRLF",
                at: fault.offset)
        }
    }

    /// The error for bytes that are not UTF-8, at `offset` inside `field`.
    func invalidUTF8(at offset: Int, field: CSVField, place: String) -> LabError {
        let byte = String(bytes[offset], radix: 16, uppercase: true)
        return error(
            .csvInvalidUtf8,
            "invalid UTF-8 (byte 0x\(byte.count == 1 ? "0" + byte : byte)) \(place): found "
                + "\(quoted(field.begin, field.terminator)); save the file as UTF-8", at: offset)
    }

    /// The line holding `offset`, quoted.
    func quotedLine(at offset: Int) -> String {
        var start = offset
        while start > bomLength, bytes[start - 1] != CSVTokenizer.lineFeed { start -= 1 }
        return quoted(start, lineEnd(after: offset))
    }

    /// The offset of the line break (or end of file) at or after `offset`, before any CR.
    func lineEnd(after offset: Int) -> Int {
        var end = offset
        while end < bytes.count, bytes[end] != CSVTokenizer.lineFeed { end += 1 }
        if end > offset, bytes[end - 1] == CSVTokenizer.carriageReturn { end -= 1 }
        return end
    }

    /// The offset of the next comma or line break at or after `offset`, ignoring quotes.
    private func fieldEnd(after offset: Int) -> Int {
        var end = offset
        while end < bytes.count, bytes[end] != CSVTokenizer.comma, bytes[end] != CSVTokenizer.lineFeed,
            bytes[end] != CSVTokenizer.carriageReturn
        { end += 1 }
        return end
    }

    /// The bytes from `start` to `end` in single quotes, control characters and bytes that are
    /// not UTF-8 escaped, cut after 40 characters.
    func quoted(_ start: Int, _ end: Int) -> String {
        Self.quote(UnsafeBufferPointer(rebasing: bytes[start..<Swift.max(start, Swift.min(end, bytes.count))]))
    }

    /// `bytes` in single quotes, as ``quoted(_:_:)`` shows them.
    static func quote(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out = "'"
        var shown = 0
        var i = 0
        while i < bytes.count {
            if shown == 40 {
                out += "…"
                break
            }
            let rest = UnsafeBufferPointer(rebasing: bytes[i...])
            let length =
                rest.withStart { UTF8Validation.firstInvalidByte($0, Swift.min(4, rest.count)) } == 0
                ? 0 : scalarLength(bytes[i])
            if length == 0 || i + length > bytes.count {
                out += "\\x" + hex(bytes[i])
                i += 1
            } else {
                let scalar = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<i + length]), as: UTF8.self)
                switch bytes[i] {
                case 0: out += "\\0"
                case 0x0A: out += "\\n"
                case 0x0D: out += "\\r"
                case 0x09: out += "\\t"
                case 0x01...0x1F: out += "\\x" + hex(bytes[i])
                default: out += scalar
                }
                i += length
            }
            shown += 1
        }
        return out + "'"
    }

    private static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0..<0x80: 1
        case 0xC0..<0xE0: 2
        case 0xE0..<0xF0: 3
        default: 4
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}
