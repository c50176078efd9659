import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

@Suite struct CronScheduleTests {
    static let start = Date(timeIntervalSince1970: 1_796_634_000)  // 2026-12-07 09:00 UTC
    static let end = Date(timeIntervalSince1970: 1_799_312_400)  // 2027-01-07 09:00 UTC

    /// From `References/cron_reference.py` (croniter): how often each is due in the month
    /// after the sandbox's start, and the first and last due times in Unix seconds.
    @Test(arguments: [
        ("0 2 * * 0", 4, 1_797_127_200, 1_798_941_600),
        ("30 */6 * * *", 124, 1_796_646_600, 1_799_303_400),
        ("0 9 1,15 * *", 2, 1_797_325_200, 1_798_794_000),
        ("0 0 * * mon-fri", 23, 1_796_688_000, 1_799_280_000),
        ("15 3 1 * 0", 5, 1_797_131_700, 1_798_946_100),
        ("0 12 24 dec *", 1, 1_798_113_600, 1_798_113_600),
        ("*/20 8-9 * * 7", 24, 1_797_148_800, 1_798_969_200),
    ])
    func dueTimesMatchCroniter(expression: String, count: Int, first: Int, last: Int) throws {
        let times = try CronSchedule(expression).dueTimes(after: Self.start, through: Self.end)
        #expect(times.count == count)
        #expect(times.first.map { Int($0.timeIntervalSince1970) } == first)
        #expect(times.last.map { Int($0.timeIntervalSince1970) } == last)
    }

    @Test func theIntervalIsOpenAtItsStartAndClosedAtItsEnd() throws {
        let sunday = Date(timeIntervalSince1970: 1_797_127_200)  // 2026-12-13 02:00, a due time
        let weekly = try CronSchedule("0 2 * * 0")
        #expect(weekly.dueTimes(after: sunday, through: sunday.addingTimeInterval(3600)).isEmpty)
        #expect(weekly.dueTimes(after: sunday.addingTimeInterval(-1), through: sunday) == [sunday])
    }

    @Test(arguments: [
        (
            "0 2 * *",
            "'0 2 * *' is not a cron schedule; expected five fields (minute hour day month weekday) such as \"0 2 * * 0\""
        ),
        (
            "61 2 * * 0",
            "the minute field '61' of cron schedule '61 2 * * 0' is not valid; expected *, a number from 0 to 59, a range a-b, a step */n, or a list of those"
        ),
        (
            "0 2 * * funday",
            "the weekday field 'funday' of cron schedule '0 2 * * funday' is not valid; expected *, a number from 0 to 7, a range a-b, a step */n, or a list of those"
        ),
        (
            "*/0 * * * *",
            "the minute field '*/0' of cron schedule '*/0 * * * *' is not valid; expected *, a number from 0 to 59, a range a-b, a step */n, or a list of those"
        ),
    ])
    func badSchedulesAreExplained(expression: String, message: String) {
        #expect(throws: LabError("trigger.bad_cron", message)) { try CronSchedule(expression) }
    }
}
