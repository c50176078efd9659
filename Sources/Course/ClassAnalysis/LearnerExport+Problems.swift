import Foundation
import LabSupport

/// Turns a decoding failure into a message naming the place in the file and what was expected.
enum ExportProblem {
    static let expected = "; expected the file `export progress --format json` writes"

    static func describe(_ error: DecodingError, data: Data, file: String) -> LabError {
        switch error {
        case .keyNotFound(let key, let context):
            let place = path(context.codingPath)
            return LabError(
                .classBadExport, "\(place.isEmpty ? "the top" : place) has no \"\(snake(key.stringValue))\"" + expected,
                file: file, cause: error)
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return LabError(
                .classBadExport, "\(path(context.codingPath)) is not \(describe(type))" + expected, file: file,
                cause: error)
        case .dataCorrupted:
            let (reason, line, column) = syntax(data)
            return LabError(
                .classBadExport, "is not valid JSON (\(reason))" + expected, file: file, line: line, column: column,
                cause: error)
        @unknown default:
            return LabError(.classBadExport, "cannot be read" + expected, file: file, cause: error)
        }
    }

    /// `answers[3].correct` from a coding path.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + snake(key.stringValue)
            }
        }
        return text
    }

    static func snake(_ key: String) -> String {
        key.replacingOccurrences(of: "answeredAt", with: "answered_at")
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Bool.Type: "true or false"
        case is String.Type: "a string"
        case is [Any].Type: "a list"
        case is [String: Any].Type: "an object"
        default: "the expected kind of value"
        }
    }

    /// What the JSON parser found wrong, and where: Foundation says "around character N",
    /// which is turned into a line and column.
    static func syntax(_ data: Data) -> (reason: String, line: Int?, column: Int?) {
        do {
            _ = try JSONSerialization.jsonObject(with: data)
            return ("it does not decode", nil, nil)
        } catch {
            let said = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "it does not parse"
            let reason = said.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
            guard let range = reason.range(of: "around character "),
                let offset = Int(reason[range.upperBound...].prefix { $0.isNumber })
            else { return (reason, nil, nil) }
            let before = data.prefix(offset)
            let line = before.filter { $0 == UInt8(ascii: "\n") }.count + 1
            let column = offset - (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
            let what = reason[..<range.lowerBound].trimmingCharacters(in: .whitespaces).lowercased()
            return (what, line, column)
        }
    }

    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions.insert(.withFractionalSeconds)
        return formatter.date(from: text)
    }
}
