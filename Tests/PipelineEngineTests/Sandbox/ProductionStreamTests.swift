import Testing

@testable import LabSupport
@testable import PipelineEngine

@Suite struct ProductionStreamTests {
    static let december = CivilDate(year: 2025, month: 12, day: 1)

    func stream(_ dataset: String, rows: Int = 200, changes: [WorldChange] = []) throws -> ProductionStream {
        try ProductionStream(dataset: dataset, seed: 21, startDate: Self.december, rowsPerDay: rows, changes: changes)
    }

    @Test(arguments: DatasetGenerator.names)
    func aDayIsTheSameWhateverWasAskedBefore(_ name: String) throws {
        let changes: [WorldChange] =
            name == "reviews" ? [.driftIncidentCorruption(fromDay: 1)] : [.labelFlips(share: 0.1, fromDay: 2)]
        let first = try stream(name, changes: changes)
        let second = try stream(name, changes: changes)
        let fourth = first.batch(day: 4)
        _ = second.batches(0..<4)
        #expect(second.batch(day: 4) == fourth)
        #expect(first.batch(day: 5) != fourth)
    }

    @Test func batchesAreDatedAndNumberedOnFromEachOther() throws {
        let batches = try stream("churn", rows: 50).batches(0..<3)
        #expect(batches.map(\.day) == [0, 1, 2])
        #expect(batches.map(\.date.description) == ["2025-12-01", "2025-12-02", "2025-12-03"])
        let ids = batches.flatMap { $0.rows.map { $0[0] } }
        #expect(ids.first == "C1000001")
        #expect(ids.last == "C1000150")
        #expect(Set(ids).count == 150)
    }

    @Test func requestsLeaveTheLabelOutAndLabelsArriveLate() throws {
        let batch = try stream("credit", rows: 300).batch(day: 2)
        #expect(
            batch.requestColumns == [
                "applicant_id", "income", "debt_ratio", "credit_history_years", "loan_amount", "zip_group",
            ])
        #expect(batch.requests.allSatisfy { $0.count == 6 })
        #expect(
            batch.requestsCSV.hasPrefix("applicant_id,income,debt_ratio,credit_history_years,loan_amount,zip_group\n"))
        #expect(Set(batch.labelDays) == [3, 4, 5])
        #expect(batch.labeledRows(knownBy: 2).isEmpty)
        #expect(batch.labeledRows(knownBy: 3).count == batch.labelDays.filter { $0 == 3 }.count)
        #expect(batch.labeledRows(knownBy: 5).count == 300)
        #expect(batch.trueLabels == batch.rows.map { $0[6] })
    }

    @Test func reviewTimestampsFallOnTheBatchDate() throws {
        let batch = try stream("reviews", rows: 100).batch(day: 23)
        let stamps = batch.rows.map { $0[4] }
        #expect(stamps.allSatisfy { $0.hasPrefix("2025-12-24T") })
        #expect(stamps == stamps.sorted())
    }

    @Test func theHolidaySurgePeaksOnChristmasEve() throws {
        let surging = try stream("churn", rows: 100, changes: [.christmasSurge])
        #expect(surging.state(day: 23).requestMultiplier == 4)
        #expect(surging.rowCount(day: 23) == 400)
        #expect(surging.batch(day: 23).rows.count == 400)
        #expect(surging.rowCount(day: 0) == 100)
        let counts = (17...30).map { surging.rowCount(day: $0) }
        // Days 17 to 30: rising to the 24th (index 6), falling after.
        #expect(counts[...6] == counts[...6].sorted()[...])
        #expect(Array(counts[6...]) == counts[6...].sorted(by: >))
        #expect(counts.max() == 400)
        #expect(surging.rowCount(day: 20) > 150 && surging.rowCount(day: 20) < 300)
        #expect(surging.rowCount(day: 20) == surging.rowCount(day: 26))
    }

    @Test func gradualDriftMovesTheMeanADeviationAtATime() throws {
        let drifting = try stream(
            "churn", rows: 2000, changes: [.gradualDrift(column: "monthly_charges", perDay: 0.1, fromDay: 2)])
        func mean(_ day: Int) -> Double {
            let values = drifting.batch(day: day).rows.compactMap { Double($0[2]) }
            return values.reduce(0, +) / Double(values.count)
        }
        #expect(drifting.state(day: 2).shifts == [])
        #expect(drifting.state(day: 3).shifts == [WorldState.ColumnShift(column: "monthly_charges", deviations: 0.1)])
        #expect(drifting.state(day: 12).shifts == [WorldState.ColumnShift(column: "monthly_charges", deviations: 1)])
        let moved = mean(12) - mean(2)
        // One deviation is $28 before clamping at the plan ceiling.
        #expect(moved > 20 && moved < 30, "the mean moved by \(moved)")
    }

    @Test func htmlCorruptionReachesItsShareAfterTheRamp() throws {
        let drifting = try stream("reviews", rows: 500, changes: [.driftIncidentCorruption(fromDay: 3)])
        let shares = (0..<10).map { day in
            let batch = drifting.batch(day: day)
            return Double(batch.rows.filter { $0[1].contains("<div class=\"desc\">") }.count) / Double(batch.rows.count)
        }
        #expect(shares[0..<3].allSatisfy { $0 == 0 })
        #expect(shares[3] == 0.02)
        #expect(shares[5] == 0.06)
        #expect(shares[8...].allSatisfy { $0 == 0.12 })
        let batch = drifting.batch(day: 9)
        #expect(batch.corruptedRows.count == 60)
        for row in batch.corruptedRows {
            #expect(batch.rows[row][1].hasSuffix("</div>"))
            #expect(batch.rows[row][1].contains("refund"))
        }
    }

    @Test func labelFlipsMakeExactlyTheShareWrong() throws {
        let flipping = try stream("churn", rows: 400, changes: [.labelFlips(share: 0.2, fromDay: 1)])
        #expect(flipping.batch(day: 0).flippedRows.isEmpty)
        let batch = flipping.batch(day: 1)
        #expect(batch.flippedRows.count == 80)
        let wrong = batch.rows.indices.filter { batch.rows[$0][8] != batch.trueLabels[$0] }
        #expect(wrong == batch.flippedRows)
    }

    @Test func conceptDriftChangesTheOutcomesOfTheSameCustomers() throws {
        let steady = try stream("churn", rows: 2000)
        let drifting = try stream("churn", rows: 2000, changes: [.conceptDrift(odds: 3, fromDay: 1, overDays: 2)])
        let label = 8
        func inputs(_ rows: [[String]]) -> [[String]] { rows.map { Array($0[..<label]) } }
        func churnShare(_ labels: [String]) -> Double {
            Double(labels.filter { $0 == "1" }.count) / Double(labels.count)
        }
        // Before the drift the days are the same; after it, the same customers leave more often.
        #expect(drifting.batch(day: 0) == steady.batch(day: 0))
        let before = steady.batch(day: 3)
        let after = drifting.batch(day: 3)
        #expect(inputs(after.rows) == inputs(before.rows), "P(x) does not move")
        let rises = zip(before.trueLabels, after.trueLabels).allSatisfy { $0 == "0" || $1 == "1" }
        #expect(rises, "with higher odds a customer who left still leaves")
        #expect(
            churnShare(after.trueLabels) > churnShare(before.trueLabels) + 0.12,
            "\(churnShare(before.trueLabels)) → \(churnShare(after.trueLabels))")
    }

    @Test func conceptDriftNeedsALabelDrawnFromTheInputs() throws {
        #expect(throws: LabError.self) {
            try stream("reviews", changes: [.conceptDrift(odds: 2, fromDay: 0, overDays: 0)])
        }
        #expect(throws: LabError.self) {
            try stream("churn", changes: [.conceptDrift(odds: 0, fromDay: 0, overDays: 0)])
        }
    }

    @Test func labelShiftChangesTheClassMixNotTheRows() throws {
        let shifting = try stream(
            "reviews", rows: 3000,
            changes: [.labelShift(target: ["positive": 0.2, "neutral": 0.2, "negative": 0.6], fromDay: 1, overDays: 2)])
        func share(_ label: String, _ day: Int) -> Double {
            let labels = shifting.batch(day: day).trueLabels
            return Double(labels.filter { $0 == label }.count) / Double(labels.count)
        }
        #expect(abs(share("negative", 0) - 0.33) < 0.03)
        #expect(abs(share("negative", 1) - 0.465) < 0.03)
        #expect(abs(share("negative", 2) - 0.6) < 0.03)
        #expect(abs(share("positive", 5) - 0.2) < 0.03)
    }

    @Test func retrainingDataHoldsOnlyArrivedLabels() throws {
        let source = try stream("churn", rows: 100)
        let data = source.labeledData(days: 0..<5, knownBy: 4)
        let expected = source.batches(0..<5).reduce(0) { $0 + $1.labelDays.filter { $0 <= 4 }.count }
        #expect(data.rows.count == expected)
        #expect(data.header == source.schema.columnNames)
    }

    @Test(arguments: [
        (
            WorldChange.gradualDrift(column: "montly_charges", perDay: 0.1, fromDay: 0),
            "gradual drift cannot shift 'montly_charges' of churn. Did you mean 'monthly_charges'? (columns that drift: tenure, monthly_charges, support_calls)"
        ),
        (
            .htmlCorruption(share: 0.12, fromDay: 3, rampDays: 0),
            "HTML corruption needs a text column, and churn has none (try reviews)"
        ),
        (.labelFlips(share: 1.5, fromDay: 0), "a share of 1.5 for label flips is out of range; expected 0 to 1"),
        (.labelFlips(share: 0.1, fromDay: -2), "a change cannot start on day -2; days start at 0"),
        (.labelShift(target: ["yes": 1], fromDay: 0, overDays: 0), "'yes' is not a label of churn (labels: 0, 1)"),
        (
            .labelShift(target: ["0": 0.5, "1": 0.4], fromDay: 0, overDays: 0),
            "label shares must be 0 or more and add up to 1, got a total of 0.900"
        ),
        (.holidaySurge(peak: 3, month: 2, day: 30, widthDays: 3), "a surge on month 2, day 30 is not a date"),
    ])
    func impossibleChangesAreRefused(_ change: WorldChange, _ message: String) {
        #expect(throws: LabError("stream.bad_change", message)) {
            try ProductionStream(dataset: "churn", seed: 1, startDate: Self.december, rowsPerDay: 10, changes: [change])
        }
    }
}
