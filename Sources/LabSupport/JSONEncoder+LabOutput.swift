package import Foundation

extension JSONEncoder {
    /// The encoder of every JSON document the lab shows or exports: pretty, key-sorted,
    /// snake_case keys, ISO 8601 dates, non-finite numbers as strings (`nan`), and slashes left
    /// as they are (`"Why CI/CD"`, not `"Why CI\/CD"`).
    package static func labOutput() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }
}
