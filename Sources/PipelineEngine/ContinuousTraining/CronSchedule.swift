package import Foundation
import LabSupport

/// A five-field cron expression (minute hour day-of-month month weekday) read as cron reads
/// it, in UTC on the simulated clock: `0 2 * * 0` is 02:00 every Sunday.
///
/// Each field takes `*`, a number, a range `a-b`, a step `*/n` or `a-b/n`, and lists of those
/// separated by commas; months and weekdays also take three-letter names (`jan`, `sun`), and
/// weekday 7 is Sunday like 0. As in cron, when both day-of-month and weekday are restricted a
/// day matches if either does.
package struct CronSchedule: Sendable, Equatable {
    package let expression: String
    let minutes: Set<Int>
    let hours: Set<Int>
    let daysOfMonth: Set<Int>
    let months: Set<Int>
    let weekdays: Set<Int>
    let dayOfMonthRestricted: Bool
    let weekdayRestricted: Bool

    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let weekdayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    package init(_ expression: String) throws {
        let fields = expression.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard fields.count == 5 else {
            throw LabError(
                .triggerBadCron,
                "'\(expression)' is not a cron schedule; expected five fields (minute hour day month weekday) such as \"0 2 * * 0\""
            )
        }
        self.expression = fields.joined(separator: " ")
        minutes = try Self.field(fields[0], "minute", 0...59, names: [], expression: expression)
        hours = try Self.field(fields[1], "hour", 0...23, names: [], expression: expression)
        daysOfMonth = try Self.field(fields[2], "day of month", 1...31, names: [], expression: expression)
        months = try Self.field(fields[3], "month", 1...12, names: Self.monthNames, expression: expression)
        weekdays = Set(
            try Self.field(fields[4], "weekday", 0...7, names: Self.weekdayNames, expression: expression)
                .map { $0 % 7 })
        dayOfMonthRestricted = !fields[2].hasPrefix("*")
        weekdayRestricted = !fields[4].hasPrefix("*")
    }

    /// The times in `(from, to]` the schedule is due, in order.
    package func dueTimes(after from: Date, through to: Date) -> [Date] {
        guard to > from else { return [] }
        var times: [Date] = []
        let firstDay = Int((from.timeIntervalSince1970 / 86_400).rounded(.down))
        let lastDay = Int((to.timeIntervalSince1970 / 86_400).rounded(.down))
        let sortedHours = hours.sorted()
        let sortedMinutes = minutes.sorted()
        for day in firstDay...lastDay where matches(day: day) {
            for hour in sortedHours {
                for minute in sortedMinutes {
                    let time = Date(timeIntervalSince1970: TimeInterval(day * 86_400 + hour * 3_600 + minute * 60))
                    if time > from, time <= to { times.append(time) }
                }
            }
        }
        return times
    }

    /// Whether the schedule runs on the UTC day `day` (days since 1970-01-01).
    func matches(day: Int) -> Bool {
        let date = CivilDate(daysSinceEpoch: day)
        guard months.contains(date.month) else { return false }
        let weekday = ((day + 4) % 7 + 7) % 7  // 1970-01-01 was a Thursday
        let byDate = daysOfMonth.contains(date.day)
        let byWeekday = weekdays.contains(weekday)
        if dayOfMonthRestricted, weekdayRestricted { return byDate || byWeekday }
        return byDate && byWeekday
    }

    private static func field(
        _ text: String, _ name: String, _ range: ClosedRange<Int>, names: [String],
        expression: String
    ) throws -> Set<Int> {
        func bad() -> LabError {
            LabError(
                .triggerBadCron,
                "the \(name) field '\(text)' of cron schedule '\(expression)' is not valid; expected *, a number from \(range.lowerBound) to \(range.upperBound), a range a-b, a step */n, or a list of those"
            )
        }
        func value(_ word: String) throws -> Int {
            if let number = Int(word), range.contains(number) { return number }
            if let index = names.firstIndex(of: word.lowercased()) { return index + (range.lowerBound == 1 ? 1 : 0) }
            throw bad()
        }
        var values = Set<Int>()
        for part in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            let pieces = part.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard (1...2).contains(pieces.count) else { throw bad() }
            let step = pieces.count == 2 ? Int(pieces[1]) ?? 0 : 1
            guard step >= 1 else { throw bad() }
            var low = range.lowerBound
            var high = range.upperBound
            if pieces[0] != "*" {
                let bounds = pieces[0].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
                guard (1...2).contains(bounds.count) else { throw bad() }
                low = try value(bounds[0])
                high = bounds.count == 2 ? try value(bounds[1]) : (pieces.count == 2 ? range.upperBound : low)
                guard low <= high else { throw bad() }
            }
            values.formUnion(stride(from: low, through: high, by: step))
        }
        return values
    }
}
