import LabSupport

/// Test rows that happened before the last training row: the model would be tested on the past
/// it was trained after.
///
/// A time column holds numbers, or ISO 8601 dates and date-times (see ``TimePoint``); both
/// files must hold the same kind, and every row needs a time. A test row counts when its time
/// is strictly earlier than the latest training time.
package struct TimeOrder: Sendable, Encodable, Equatable {
    package var column: String
    /// The latest time in the training file, as written there, and its line.
    package var latestTrainTime: String
    package var latestTrainLine: Int
    /// The earliest time in the test file, as written there, and its line; nil with no rows.
    package var earliestTestTime: String?
    package var earliestTestLine: Int?
    /// Test rows strictly earlier than ``latestTrainTime``.
    package var testRowsBeforeLatestTrain: Int

    private enum CodingKeys: String, CodingKey {
        case column
        case latestTrainTime = "latest_train_time"
        case latestTrainLine = "latest_train_line"
        case earliestTestTime = "earliest_test_time"
        case earliestTestLine = "earliest_test_line"
        case testRowsBeforeLatestTrain = "test_rows_before_latest_train"
    }

    init(train: DataTable, trainTimes: Column, test: DataTable, testTimes: Column) throws {
        column = trainTimes.name
        let trainPoints = try Self.points(trainTimes, in: train)
        let testPoints = try Self.points(testTimes, in: test)
        if let first = trainPoints.first, let other = testPoints.first, first.isNumber != other.isNumber {
            let kind = { (point: TimePoint) in point.isNumber ? "numbers" : "dates" }
            throw LabError(
                .leakageBadTime,
                "the time column '\(column)' holds \(kind(first)) in \(train.source) but \(kind(other)) in "
                    + "\(test.source); expected the same kind in both")
        }
        guard let latest = trainPoints.indices.max(by: { trainPoints[$0] < trainPoints[$1] }) else {
            throw LabError(.leakageBadTime, "\(train.source) has no rows; expected training rows to order in time")
        }
        let earliest = testPoints.indices.min { testPoints[$0] < testPoints[$1] }
        latestTrainTime = trainTimes.text(at: latest) ?? ""
        latestTrainLine = train.line(ofRow: latest)
        earliestTestTime = earliest.flatMap { testTimes.text(at: $0) }
        earliestTestLine = earliest.map { test.line(ofRow: $0) }
        let bound = trainPoints[latest]
        testRowsBeforeLatestTrain = testPoints.reduce(0) { $0 + ($1 < bound ? 1 : 0) }
    }

    /// Every row's time; an error naming the file, line and value of the first unreadable one.
    private static func points(_ column: Column, in table: DataTable) throws -> [TimePoint] {
        try (0..<table.rowCount).map { row in
            guard let text = column.text(at: row) else {
                throw LabError(
                    .leakageBadTime,
                    "empty time in column '\(column.name)'; expected a date, a date-time or a number on every row",
                    file: table.source, line: table.line(ofRow: row))
            }
            if column.isNumeric, let value = column.double(at: row) { return .number(value) }
            if column.type == .string, let point = TimePoint.instant(iso: text) { return point }
            throw LabError(
                .leakageBadTime,
                "time '\(text)' in column '\(column.name)' is not a date, a date-time or a number; "
                    + "expected ISO 8601 such as 2024-05-01 or 2024-05-01T09:30:00Z",
                file: table.source, line: table.line(ofRow: row))
        }
    }
}
