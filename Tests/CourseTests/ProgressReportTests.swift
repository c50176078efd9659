import Foundation
import Testing

@testable import Course

@Suite struct ProgressReportTests {
    let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    func day(_ d: Int) -> Date { Date(timeIntervalSince1970: Double(d) * 86_400 + 3_600) }

    @Test(arguments: [
        ([10, 11, 12], 12, 3),  // active today and the two days before
        ([10, 11], 12, 2),  // nothing yet today: the streak up to yesterday still counts
        ([8, 11, 12], 12, 2),  // a gap ends the streak
        ([9], 12, 0),  // long ago
        ([], 12, 0),
    ])
    func streakCountsConsecutiveActiveDays(active: [Int], today: Int, expected: Int) {
        let days = Set(active.map { calendar.startOfDay(for: day($0)) })
        #expect(ProgressReport.streak(days, now: day(today), calendar: calendar) == expected)
    }
}
