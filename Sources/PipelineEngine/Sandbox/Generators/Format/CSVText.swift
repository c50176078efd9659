/// Writes rows as RFC 4180 CSV text.
///
/// A field is quoted when it holds a comma, a double quote, a carriage return or a line feed,
/// and quotes inside it are doubled; other fields are written as they are, so the output reads
/// cleanly and any RFC 4180 reader (pandas, Python's csv, ours) gets back the same strings.
/// Records end in a line feed, as pandas and most tools write them; RFC 4180's CRLF is
/// available for tools that insist on it.
package enum CSVText {
    /// The character sequence that ends each record.
    package enum LineEnding: String, Sendable {
        case lf = "\n"
        case crlf = "\r\n"
    }

    /// One field, quoted if it needs to be.
    package static func field(_ value: String) -> String {
        var needsQuotes = false
        for byte in value.utf8 where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            break
        }
        guard needsQuotes else { return value }
        var quoted = "\""
        for character in value.unicodeScalars {
            if character == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(character) }
        }
        return quoted + "\""
    }

    /// One record: the fields joined by commas, without the line ending.
    package static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }

    /// A whole document: the header, then every row, each record ended by `lineEnding`.
    package static func document(header: [String], rows: [[String]], lineEnding: LineEnding = .lf) -> String {
        var text = record(header) + lineEnding.rawValue
        for row in rows {
            text += record(row)
            text += lineEnding.rawValue
        }
        return text
    }
}
