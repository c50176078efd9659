/// Calendar dates and ISO 8601 timestamps in UTC, computed without Foundation.
///
/// Generated data carries dates (review timestamps, the days of a production stream). Doing
/// the calendar arithmetic by hand keeps it independent of time zones, locales and platforms.
package struct CivilDate: Sendable, Equatable, Comparable, Hashable, CustomStringConvertible {
    package var year: Int
    package var month: Int
    package var day: Int

    package init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days after 1970-01-01.
    package init(daysSinceEpoch days: Int) {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Parses `YYYY-MM-DD`; nil for anything else or an impossible date.
    package init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        self.init(year: year, month: month, day: day)
        guard CivilDate(daysSinceEpoch: daysSinceEpoch) == self else { return nil }
    }

    /// Days from 1970-01-01 to this date (negative before it).
    package var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` days later (earlier when negative).
    package func adding(days: Int) -> CivilDate {
        CivilDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// `YYYY-MM-DD`.
    package var description: String {
        FixedDecimal.padded(year, width: 4) + "-" + FixedDecimal.padded(month, width: 2) + "-"
            + FixedDecimal.padded(day, width: 2)
    }

    package static func < (a: CivilDate, b: CivilDate) -> Bool {
        a.daysSinceEpoch < b.daysSinceEpoch
    }
}

/// Formats instants as ISO 8601 UTC timestamps.
enum Timestamp {
    /// `YYYY-MM-DDTHH:MM:SSZ` for `seconds` since 1970-01-01T00:00:00Z.
    static func iso8601(_ seconds: Int64) -> String {
        let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let secondOfDay = Int(seconds - Int64(days) * 86_400)
        let date = CivilDate(daysSinceEpoch: days)
        return date.description + "T" + FixedDecimal.padded(secondOfDay / 3600, width: 2) + ":"
            + FixedDecimal.padded(secondOfDay / 60 % 60, width: 2) + ":"
            + FixedDecimal.padded(secondOfDay % 60, width: 2) + "Z"
    }

    /// The instant at midnight UTC starting `date`.
    static func midnight(_ date: CivilDate) -> Int64 {
        Int64(date.daysSinceEpoch) * 86_400
    }
}
