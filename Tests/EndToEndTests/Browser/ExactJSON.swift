import Foundation

/// JSON read with `JSONDecoder`, whose numbers read back exactly as written (Foundation's
/// `JSONSerialization` on Linux can be off in the last digit), as plain `[String: Any]`,
/// `[Any]`, `String`, `Double`, `Bool` or `NSNull`.
enum ExactJSON: Decodable {
    case object([String: ExactJSON])
    case array([ExactJSON])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let d = try? c.decode(Double.self) {
            self = .number(d)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([ExactJSON].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: ExactJSON].self))
        }
    }

    /// The value as `Any`: numbers as `Double`, except whole numbers, which are also `Int`s.
    var any: Any {
        switch self {
        case .object(let o): o.mapValues(\.any)
        case .array(let a): a.map(\.any)
        case .string(let s): s
        case .number(let d): d == d.rounded() && abs(d) < 1e15 ? Int(d) as Any : d as Any
        case .bool(let b): b
        case .null: NSNull()
        }
    }

    /// Parses `text` into plain values.
    static func parse(_ text: String) throws -> Any {
        try JSONDecoder().decode(ExactJSON.self, from: Data(text.utf8)).any
    }
}
