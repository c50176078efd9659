import Testing

@testable import LabSupport
@testable import PipelineEngine

@Suite struct DatasetGeneratorTests {
    @Test(arguments: DatasetGenerator.names)
    func sameSeedGivesTheSameBytes(_ name: String) throws {
        let first = try DatasetGenerator.generate(name: name, rows: 300, seed: 42).csv
        let second = try DatasetGenerator.generate(name: name, rows: 300, seed: 42).csv
        #expect(first == second)
    }

    @Test(arguments: DatasetGenerator.names)
    func anotherSeedGivesOtherRows(_ name: String) throws {
        let first = try DatasetGenerator.generate(name: name, rows: 300, seed: 42)
        let second = try DatasetGenerator.generate(name: name, rows: 300, seed: 43)
        let differing = zip(first.rows, second.rows).filter { $0.0.dropFirst() != $0.1.dropFirst() }.count
        #expect(differing > 290, "only \(differing) of 300 rows differ between seeds 42 and 43")
    }

    @Test(arguments: DatasetGenerator.names)
    func laterRowsContinueTheSameSequence(_ name: String) throws {
        let whole = try DatasetGenerator.generate(name: name, rows: 150, seed: 5)
        let head = try DatasetGenerator.generate(name: name, rows: 100, seed: 5)
        let tail = try DatasetGenerator.generate(name: name, rows: 50, seed: 5, startRow: 100)
        #expect(head.rows + tail.rows == whole.rows)
    }

    @Test(arguments: [0, 1, 17, 1000])
    func drawsTheRowsAskedFor(_ rows: Int) throws {
        for name in DatasetGenerator.names {
            let dataset = try DatasetGenerator.generate(name: name, rows: rows, seed: 1)
            #expect(dataset.rows.count == rows)
            #expect(dataset.csv.split(separator: "\n", omittingEmptySubsequences: false).count >= rows + 2)
        }
    }

    @Test(arguments: [
        ("churn", "customer_id,tenure,monthly_charges,total_charges,contract,plan,support_calls,region,churned"),
        ("reviews", "review_id,text,helpful_votes,source,timestamp,label"),
        ("credit", "applicant_id,income,debt_ratio,credit_history_years,loan_amount,zip_group,approved"),
    ])
    func headersAreTheSchemaColumns(_ name: String, _ header: String) throws {
        let dataset = try DatasetGenerator.generate(name: name, rows: 3, seed: 1)
        #expect(dataset.csv.hasPrefix(header + "\n"))
        #expect(try DatasetGenerator.schema(for: name).columnNames.joined(separator: ",") == header)
        #expect(dataset.rows.allSatisfy { $0.count == dataset.header.count })
    }

    /// Class shares over 5000 rows, inside ranges a little wider than the design's targets.
    @Test(arguments: [
        ("churn", "1", 0.21...0.29),
        ("credit", "1", 0.44...0.56),
        ("reviews", "positive", 0.41...0.49),
        ("reviews", "neutral", 0.19...0.25),
        ("reviews", "negative", 0.29...0.37),
    ])
    func classesAreImbalancedAsIntended(_ name: String, _ label: String, _ range: ClosedRange<Double>) throws {
        let dataset = try DatasetGenerator.generate(name: name, rows: 5000, seed: 2)
        let labels = dataset.values(of: try #require(dataset.schema.label).name)
        let share = Double(labels.filter { $0 == label }.count) / Double(labels.count)
        #expect(range.contains(share), "\(name) has \(share) of '\(label)'")
    }

    @Test(arguments: DatasetGenerator.names)
    func cellsKeepToTheSchema(_ name: String) throws {
        let dataset = try DatasetGenerator.generate(name: name, rows: 3000, seed: 8)
        for (index, column) in dataset.schema.columns.enumerated() {
            let cells = dataset.rows.map { $0[index] }
            #expect(!cells.contains(""), "\(name).\(column.name) has nulls")
            if !column.values.isEmpty {
                #expect(Set(cells).isSubset(of: column.values), "\(name).\(column.name) leaves its set")
            }
            switch column.type {
            case .integer, .double:
                let numbers = cells.compactMap(Double.init)
                #expect(numbers.count == cells.count, "\(name).\(column.name) has a non-number")
                if let minimum = column.minimum { #expect(numbers.allSatisfy { $0 >= minimum }) }
                if let maximum = column.maximum { #expect(numbers.allSatisfy { $0 <= maximum }) }
                if column.type == .integer { #expect(cells.allSatisfy { Int($0) != nil }) }
            case .string, .boolean:
                break
            }
            if column.role == .identifier { #expect(Set(cells).count == cells.count) }
        }
    }

    @Test func idsCountFromTheFirstRow() throws {
        let dataset = try DatasetGenerator.generate(name: "churn", rows: 2, seed: 1, startRow: 2000)
        #expect(dataset.values(of: "customer_id") == ["C002001", "C002002"])
    }

    @Test func totalChargesFollowTenureTimesMonthlyCharges() throws {
        let dataset = try DatasetGenerator.generate(name: "churn", rows: 2000, seed: 4)
        let tenure = dataset.values(of: "tenure").compactMap(Double.init)
        let monthly = dataset.values(of: "monthly_charges").compactMap(Double.init)
        let total = dataset.values(of: "total_charges").compactMap(Double.init)
        let product = zip(tenure, monthly).map { $0 * $1 }
        #expect(correlation(product, total) > 0.98)
        #expect(correlation(product, total) < 1)
    }

    @Test func creditLabelsDisadvantageGroupB() throws {
        let dataset = try DatasetGenerator.generate(name: "credit", rows: 5000, seed: 6)
        let groups = dataset.values(of: "zip_group")
        let approved = dataset.values(of: "approved")
        func rate(_ group: String) -> Double {
            let rows = groups.indices.filter { groups[$0] == group }
            return Double(rows.filter { approved[$0] == "1" }.count) / Double(rows.count)
        }
        #expect(rate("B") / rate("A") < 0.8)
        #expect(rate("B") / rate("A") > 0.5)
    }

    @Test func reviewTimestampsRiseThroughThePeriod() throws {
        let stamps = try DatasetGenerator.generate(name: "reviews", rows: 2500, seed: 11).values(of: "timestamp")
        #expect(stamps == stamps.sorted())
        #expect(stamps.first?.hasPrefix("2025-01-01T") == true)
        #expect(stamps.last?.hasPrefix("2025-11-") == true)
        #expect(stamps.allSatisfy { $0.count == 20 && $0.hasSuffix("Z") })
    }

    @Test func unknownNamesGetASuggestion() {
        #expect(
            throws: LabError(
                "sandbox.unknown_dataset",
                "unknown data set 'chrun'. Did you mean 'churn'? (data sets: churn, credit, reviews)")
        ) {
            try DatasetGenerator.generate(name: "chrun", rows: 10, seed: 1)
        }
        #expect(
            throws: LabError("sandbox.unknown_dataset", "unknown data set 'iris' (data sets: churn, credit, reviews)")
        ) {
            try DatasetGenerator.schema(for: "iris")
        }
    }

    @Test func rowCountsOutOfRangeAreRefused() {
        #expect(throws: LabError("sandbox.bad_rows", "--rows must be between 0 and 2000000, got -1")) {
            try DatasetGenerator.generate(name: "churn", rows: -1, seed: 1)
        }
        #expect(throws: LabError("sandbox.bad_rows", "--rows must be between 0 and 2000000, got 2000001")) {
            try DatasetGenerator.generate(name: "churn", rows: 2_000_001, seed: 1)
        }
    }

    @Test func flippingLabelsFlipsExactlyTheShare() throws {
        let dataset = try DatasetGenerator.generate(name: "reviews", rows: 1000, seed: 3)
        let (damaged, flipped) = dataset.flippingLabels(share: 0.15, seed: 9)
        #expect(flipped.count == 150)
        let before = dataset.values(of: "label")
        let after = damaged.values(of: "label")
        #expect(Set(before.indices.filter { before[$0] != after[$0] }) == Set(flipped))
        #expect(damaged.values(of: "text") == dataset.values(of: "text"))
        #expect(dataset.flippingLabels(share: 0.15, seed: 9).dataset == damaged)
    }

    private func correlation(_ a: [Double], _ b: [Double]) -> Double {
        let n = Double(a.count)
        let ma = a.reduce(0, +) / n
        let mb = b.reduce(0, +) / n
        var sab = 0.0
        var saa = 0.0
        var sbb = 0.0
        for (x, y) in zip(a, b) {
            sab += (x - ma) * (y - mb)
            saa += (x - ma) * (x - ma)
            sbb += (y - mb) * (y - mb)
        }
        return sab / (saa * sbb).squareRoot()
    }
}

@Suite struct LabelFlipTests {
    @Test func oneSidedFlipsTakeOnlyTheNamedClass() throws {
        let dataset = try DatasetGenerator.generate(name: "churn", rows: 2000, seed: 7)
        let (damaged, flipped) = dataset.flippingLabels(share: 0.15, seed: 1, onlyFrom: "0")
        #expect(flipped.count == 300)
        #expect(flipped.allSatisfy { dataset.rows[$0][8] == "0" && damaged.rows[$0][8] == "1" })
    }

    @Test func flipsStopWhenTheClassRunsOut() throws {
        let dataset = try DatasetGenerator.generate(name: "churn", rows: 100, seed: 7)
        let positives = dataset.values(of: "churned").filter { $0 == "1" }.count
        let (damaged, flipped) = dataset.flippingLabels(share: 0.9, seed: 1, onlyFrom: "1")
        #expect(flipped.count == positives)
        #expect(!damaged.values(of: "churned").contains("1"))
    }

    @Test func streamsFlipOneSidedToo() throws {
        let stream = try ProductionStream(
            dataset: "credit", seed: 2, startDate: CivilDate(year: 2025, month: 3, day: 1), rowsPerDay: 500,
            changes: [.labelFlips(share: 0.1, fromDay: 0, onlyFrom: "1")])
        let batch = stream.batch(day: 0)
        #expect(batch.flippedRows.count == 50)
        #expect(batch.flippedRows.allSatisfy { batch.trueLabels[$0] == "1" && batch.rows[$0][6] == "0" })
    }

    @Test func anUnknownClassIsRefused() {
        #expect(throws: LabError("stream.bad_change", "'yes' is not a label of credit (labels: 0, 1)")) {
            try ProductionStream(
                dataset: "credit", seed: 2, startDate: CivilDate(year: 2025, month: 3, day: 1), rowsPerDay: 5,
                changes: [.labelFlips(share: 0.1, fromDay: 0, onlyFrom: "yes")])
        }
    }
}
