/// A moment read from a time column: a number, or an ISO 8601 date or date-time.
///
/// Numbers compare with numbers, instants with instants; a file pair that mixes the two kinds
/// is refused before any comparison. A date is midnight UTC; a date-time without an offset is
/// read as UTC, one with `Z` or `±HH:MM` is moved to UTC. Fractions of a second keep up to
/// nine digits (nanoseconds; further digits are dropped).
enum TimePoint: Comparable, Sendable {
    case number(Double)
    case instant(seconds: Int64, nanoseconds: Int64)

    /// Whether this is a number rather than a date.
    var isNumber: Bool {
        if case .number = self { return true }
        return false
    }

    /// The instant `text` names in ISO 8601 (`2024-05-01`, `2024-05-01T09:30`,
    /// `2024-05-01 09:30:15.250+02:00`), or nil when it is not one.
    static func instant(iso text: String) -> TimePoint? {
        var reader = DigitReader(Array(text.utf8))
        guard let year = reader.number(digits: 4), reader.skip("-"),
            let month = reader.number(digits: 2), reader.skip("-"),
            let day = reader.number(digits: 2),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var seconds = Int64(daysFromCivil(year: year, month: month, day: day)) * 86_400
        var nanoseconds: Int64 = 0
        if reader.atEnd { return .instant(seconds: seconds, nanoseconds: 0) }
        guard reader.skip("T") || reader.skip(" "),
            let hour = reader.number(digits: 2), reader.skip(":"),
            let minute = reader.number(digits: 2), hour < 24, minute < 60
        else { return nil }
        seconds += Int64(hour * 3600 + minute * 60)
        if reader.skip(":") {
            guard let second = reader.number(digits: 2), second < 60 else { return nil }
            seconds += Int64(second)
            if reader.skip(".") || reader.skip(",") {
                guard let fraction = reader.fraction() else { return nil }
                nanoseconds = fraction
            }
        }
        if reader.skip("Z") {
            // UTC already.
        } else if let sign = reader.sign() {
            guard let hours = reader.number(digits: 2), hours < 24 else { return nil }
            _ = reader.skip(":")
            let minutes = reader.atEnd ? 0 : reader.number(digits: 2)
            guard let minutes, minutes < 60 else { return nil }
            seconds -= Int64(sign * (hours * 3600 + minutes * 60))
        }
        guard reader.atEnd else { return nil }
        return .instant(seconds: seconds, nanoseconds: nanoseconds)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// Reads fixed-width digits and punctuation from the bytes of a time value.
private struct DigitReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { position == bytes.count }

    /// The number written in exactly `digits` digits here, or nil.
    mutating func number(digits: Int) -> Int? {
        guard position + digits <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[position..<position + digits] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        position += digits
        return value
    }

    /// Nanoseconds from one or more fraction digits here (beyond nine, dropped), or nil.
    mutating func fraction() -> Int64? {
        var nanoseconds: Int64 = 0
        var count = 0
        while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
            if count < 9 { nanoseconds = nanoseconds * 10 + Int64(bytes[position] - UInt8(ascii: "0")) }
            count += 1
            position += 1
        }
        guard count > 0 else { return nil }
        for _ in count..<max(count, 9) { nanoseconds *= 10 }
        return nanoseconds
    }

    /// Steps over `character` when it is next.
    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
        position += 1
        return true
    }

    /// +1 or -1 for a `+` or `-` here, stepped over; nil otherwise.
    mutating func sign() -> Int? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }
}
