import LabSupport

/// The header line of a CSV file: the column names, and the types forced on some of them.
///
/// A header cell written `name:type` (say `zip:string`, so that `02134` keeps its zero) names
/// the column `name` and forces its type; the reader's `types` option does the same from code
/// and wins over the header.
struct CSVHeader {
    /// One column as the header declares it.
    struct Entry {
        var name: String
        var forced: ColumnType?
        /// Where the forced type came from, for messages: `the header 'zip:string'`.
        var forcedBy: String?
        /// The offset of the header field's first byte.
        var begin: Int
    }

    var entries: [Entry]
    /// The offset of the first byte after the header line.
    var end: Int
    /// The line after the header (2, unless a quoted header name holds a line break).
    var nextLine: Int

    var names: [String] { entries.map(\.name) }

    /// Words people write for a type, and the type they mean, to suggest the right spelling.
    private static let typeAliases: [String: ColumnType] = [
        "int": .integer, "int64": .integer, "long": .integer, "float": .double, "float64": .double,
        "number": .double, "numeric": .double, "real": .double, "bool": .boolean, "str": .string,
        "text": .string, "category": .string, "categorical": .string,
    ]

    /// Reads the header starting at `start` (after any byte order mark).
    init(
        _ bytes: UnsafeBufferPointer<UInt8>, start: Int, diagnostics: CSVDiagnostics,
        types: [String: ColumnType]
    ) throws {
        if start >= bytes.count {
            throw diagnostics.error(
                .csvEmptyFile, "the file is empty; expected a header line naming the columns",
                at: start)
        }
        var tokenizer = CSVTokenizer(bytes, position: start, line: 1)
        let first = bytes[start]
        if first == CSVTokenizer.lineFeed
            || (first == CSVTokenizer.carriageReturn && start + 1 < bytes.count
                && bytes[start + 1] == CSVTokenizer.lineFeed)
        {
            throw diagnostics.error(
                .csvNoHeader, "line 1 is empty; expected a header line naming the columns",
                at: start)
        }
        var entries: [Entry] = []
        var scratch: [UInt8] = []
        while true {
            let field: CSVField
            do {
                field = try tokenizer.nextField()
            } catch {
                throw diagnostics.error(for: error, place: "in the header")
            }
            let text = try Self.text(of: field, bytes, scratch: &scratch, diagnostics: diagnostics)
            entries.append(try Self.entry(text, begin: field.begin, diagnostics: diagnostics))
            if field.endsRecord { break }
        }
        end = tokenizer.position
        nextLine = tokenizer.line
        self.entries = entries
        try checkNames(diagnostics)
        try apply(types, diagnostics)
    }

    private static func text(
        of field: CSVField, _ bytes: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8],
        diagnostics: CSVDiagnostics
    ) throws -> String {
        try bytes.withStart { p in
            if let bad = UTF8Validation.firstInvalidByte(p + field.start, field.end - field.start) {
                throw diagnostics.invalidUTF8(at: field.start + bad, field: field, place: "in the header")
            }
            if field.escaped {
                CSVTokenizer.unescape(p, field, into: &scratch)
                return String(decoding: scratch, as: UTF8.self)
            }
            return String(
                decoding: UnsafeBufferPointer(start: p + field.start, count: field.end - field.start),
                as: UTF8.self)
        }
    }

    /// Splits `name:type` when the part after the last colon is a type, or looks meant to be one.
    private static func entry(_ text: String, begin: Int, diagnostics: CSVDiagnostics) throws -> Entry {
        guard let colon = text.lastIndex(of: ":") else { return Entry(name: text, begin: begin) }
        let name = String(text[..<colon])
        let typeName = String(text[text.index(after: colon)...])
        if let type = ColumnType(rawValue: typeName.lowercased()) {
            return Entry(name: name, forced: type, forcedBy: "the header '\(text)'", begin: begin)
        }
        let known = ColumnType.allCases.map(\.rawValue)
        let guess = typeAliases[typeName.lowercased()]?.rawValue ?? closestMatch(to: typeName, among: known)
        guard let guess else { return Entry(name: text, begin: begin) }
        throw diagnostics.error(
            .csvUnknownType,
            "unknown column type '\(typeName)' in the header '\(text)'; expected integer, double, boolean or "
                + "string. Did you mean '\(name):\(guess)'?", at: begin)
    }

    private func checkNames(_ diagnostics: CSVDiagnostics) throws {
        var seen: [String: Int] = [:]
        for (index, entry) in entries.enumerated() {
            if entry.name.isEmpty {
                throw diagnostics.error(
                    .csvEmptyHeader,
                    "column \(index + 1) of the header has no name: found \(diagnostics.quotedLine(at: entry.begin)); "
                        + "give every column a name", at: entry.begin)
            }
            if let earlier = seen[entry.name] {
                throw diagnostics.error(
                    .csvDuplicateHeader,
                    "column '\(entry.name)' appears twice in the header (columns \(earlier + 1) and \(index + 1)); "
                        + "column names must be unique", at: entry.begin)
            }
            seen[entry.name] = index
        }
    }

    private mutating func apply(_ types: [String: ColumnType], _ diagnostics: CSVDiagnostics) throws {
        for name in types.keys.sorted() {
            guard let index = entries.firstIndex(where: { $0.name == name }) else {
                var message = "the types option names column '\(name)', which is not in the header"
                if let guess = closestMatch(to: name, among: names) {
                    message += ". Did you mean '\(guess)'?"
                } else {
                    message += " (columns: \(names.joined(separator: ", ")))"
                }
                throw LabError(.csvUnknownTypeColumn, message, file: diagnostics.source)
            }
            entries[index].forced = types[name]
            entries[index].forcedBy = "the types option"
        }
    }
}

extension CSVHeader.Entry {
    init(name: String, begin: Int) {
        self.init(name: name, forced: nil, forcedBy: nil, begin: begin)
    }
}
