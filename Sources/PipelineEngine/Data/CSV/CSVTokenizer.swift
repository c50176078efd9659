/// Splits CSV bytes into fields and records as RFC 4180 defines them.
///
/// Fields are separated by commas and records by LF or CRLF; a field may be quoted, and inside
/// quotes a comma, a line break or a doubled quote (`""`) is part of the value. The tokenizer
/// only finds where each field's content lies; it never copies it. Blank lines between records
/// are skipped, as pandas does.
struct CSVTokenizer {
    static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    let p: UnsafeBufferPointer<UInt8>
    let count: Int
    /// The offset of the next byte to read.
    var position: Int
    /// The 1-based line that `position` is on.
    var line: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, position: Int, line: Int) {
        p = bytes
        count = bytes.count
        self.position = position
        self.line = line
    }

    /// Skips blank lines and says whether another record follows.
    @inline(__always)
    mutating func startRecord() -> Bool {
        while position < count {
            if p[position] == Self.lineFeed {
                position += 1
                line += 1
            } else if p[position] == Self.carriageReturn, position + 1 < count, p[position + 1] == Self.lineFeed {
                position += 2
                line += 1
            } else {
                return true
            }
        }
        return false
    }

    /// Reads the next field of the current record.
    @inline(__always)
    mutating func nextField() throws(CSVFault) -> CSVField {
        let begin = position
        var field: CSVField
        if position < count, p[position] == Self.quote {
            field = try quotedField(begin)
        } else {
            // Every special byte is at most ',' (0x2C), so most bytes need one comparison.
            while position < count {
                let c = p[position]
                if c <= Self.comma,
                    c == Self.comma || c == Self.lineFeed || c == Self.carriageReturn
                        || c == Self.quote || c == 0
                {
                    break
                }
                position += 1
            }
            if position < count {
                let c = p[position]
                if c == Self.quote { throw CSVFault(.strayQuote, at: position, fieldBegin: begin) }
                if c == 0 { throw CSVFault(.nulByte, at: position, fieldBegin: begin) }
                if c == Self.carriageReturn, !isCRLF(position) {
                    throw CSVFault(.strayCarriageReturn, at: position, fieldBegin: begin)
                }
            }
            field = CSVField(begin: begin, start: begin, end: position, escaped: false)
        }
        field.terminator = position
        if position >= count {
            field.endsRecord = true
        } else if p[position] == Self.comma {
            position += 1
        } else {
            position += p[position] == Self.carriageReturn ? 2 : 1
            line += 1
            field.endsRecord = true
        }
        return field
    }

    private mutating func quotedField(_ begin: Int) throws(CSVFault) -> CSVField {
        position += 1
        let start = position
        var escaped = false
        while true {
            while position < count {
                let c = p[position]
                if c == Self.quote { break }
                if c == Self.lineFeed {
                    line += 1
                } else if c == 0 {
                    throw CSVFault(.nulByte, at: position, fieldBegin: begin)
                }
                position += 1
            }
            if position >= count { throw CSVFault(.unterminatedQuote, at: begin, fieldBegin: begin) }
            if position + 1 < count, p[position + 1] == Self.quote {
                escaped = true
                position += 2
                continue
            }
            break
        }
        let end = position
        position += 1
        if position < count {
            let c = p[position]
            if c == Self.carriageReturn, !isCRLF(position) {
                throw CSVFault(.strayCarriageReturn, at: position, fieldBegin: begin)
            }
            if c != Self.comma, c != Self.lineFeed, c != Self.carriageReturn {
                throw CSVFault(.textAfterQuote, at: position, fieldBegin: begin)
            }
        }
        return CSVField(begin: begin, start: start, end: end, escaped: escaped)
    }

    @inline(__always)
    private func isCRLF(_ offset: Int) -> Bool {
        offset + 1 < count && p[offset + 1] == Self.lineFeed
    }

    /// The content of an escaped field with each doubled quote made single, into `scratch`.
    static func unescape(_ p: UnsafePointer<UInt8>, _ field: CSVField, into scratch: inout [UInt8]) {
        scratch.removeAll(keepingCapacity: true)
        var i = field.start
        while i < field.end {
            scratch.append(p[i])
            i += p[i] == quote ? 2 : 1
        }
    }
}

/// Where one field lies in the bytes.
struct CSVField {
    /// The offset of the field's first byte (its opening quote, when quoted).
    var begin: Int
    /// The content, without the quotes around it.
    var start: Int
    var end: Int
    /// Whether the content holds doubled quotes that stand for one quote each.
    var escaped: Bool
    /// The offset of the comma or line break after the field (the file's length at its end).
    var terminator = 0
    /// Whether the field is the last of its record.
    var endsRecord = false

    init(begin: Int, start: Int, end: Int, escaped: Bool) {
        self.begin = begin
        self.start = start
        self.end = end
        self.escaped = escaped
    }

    /// Whether the field is empty, which makes the cell null (quoted or not).
    var isEmpty: Bool { start == end }
}

/// A malformed spot the tokenizer found, at a byte offset; the reader words the message.
struct CSVFault: Error {
    enum Kind { case unterminatedQuote, strayQuote, textAfterQuote, nulByte, strayCarriageReturn }

    var kind: Kind
    /// The offset of the offending byte.
    var offset: Int
    /// The offset where the field holding it begins.
    var fieldBegin: Int

    init(_ kind: Kind, at offset: Int, fieldBegin: Int) {
        self.kind = kind
        self.offset = offset
        self.fieldBegin = fieldBegin
    }
}
