import LabSupport

/// Runs behavioural tests against a model: changes copies of the data, predicts them the way
/// `evaluate` does (``TrainedModel/predict(_:)``), and counts the rows that break each test.
package struct BehaviouralTestRunner {
    package let model: TrainedModel
    /// The rows invariance and directional tests change (`--data`).
    package let data: DataTable?
    /// The spec file as the user named it, for errors found only now.
    package let specFile: String

    /// Two regression predictions closer than this are the same prediction.
    static let valueTolerance = 1e-9
    /// A directional test forgives a probability or value that moves back by less than this.
    static let directionTolerance = 1e-12

    package init(model: TrainedModel, data: DataTable?, specFile: String) {
        self.model = model
        self.data = data
        self.specFile = specFile
    }

    /// Every test's verdict, in order; throws for a test that cannot run on this model or data.
    package func run(_ tests: [BehaviouralTest]) throws -> BehaviouralReport {
        try checkData(for: tests)
        let baseline = try data.map { try model.predict($0) }
        var results: [BehaviouralTestResult] = []
        for test in tests {
            switch test.check {
            case .invariance(let column, let change, let mostly):
                results.append(try invariance(test, column: column, change: change, mostly: mostly, baseline: baseline))
            case .directional(let column, let delta, let positiveClass, let expect, let mostly):
                results.append(
                    try directional(
                        test, column: column, delta: delta, positiveClass: positiveClass, expect: expect,
                        mostly: mostly, baseline: baseline))
            case .minimum(let rows):
                results.append(try minimum(test, rows: rows))
            }
        }
        return BehaviouralReport(results: results)
    }

    /// Refuses a spec whose invariance or directional tests have no rows to change.
    private func checkData(for tests: [BehaviouralTest]) throws {
        guard data == nil, let first = tests.first(where: { $0.type != "minimum" }) else { return }
        throw LabError(
            .init(.behaviour, .missingKey),
            "test '\(first.name)' (\(first.type)) changes rows of data: pass --data DATA.csv", file: specFile,
            line: first.line)
    }

    func error(_ problem: LabError.Code.Problem, _ message: String, at value: Located<String>) -> LabError {
        LabError(.init(.behaviour, problem), message, file: specFile, line: value.line, column: value.column)
    }

    /// The table and its column `name`, which must be a feature of the model.
    private func feature(_ name: Located<String>) throws -> (table: DataTable, column: Column) {
        guard model.features.contains(name.value) else {
            var message = "'\(name.value)' is not a feature of the model"
            if let guess = closestMatch(to: name.value, among: model.features) {
                message += "; did you mean '\(guess)'?"
            } else {
                message += " (its features: \(model.features.joined(separator: ", ")))"
            }
            throw error(.badValue, message, at: name)
        }
        guard let table = data else { throw error(.missingKey, "no data to change: pass --data DATA.csv", at: name) }
        return (table, try table.requireColumn(name.value))
    }

    /// The prediction for `row` as text: the label, or the value of a regression.
    private func outcome(_ predictions: Predictions, _ row: Int) -> String {
        model.task == .regression ? formatDouble(predictions.values[row]) : predictions.labels[row]
    }

    private func same(_ a: Predictions, _ b: Predictions, _ row: Int) -> Bool {
        model.task == .regression
            ? abs(a.values[row] - b.values[row]) <= Self.valueTolerance : a.classIndices[row] == b.classIndices[row]
    }

    private func invariance(
        _ test: BehaviouralTest, column name: Located<String>, change: BehaviouralTest.Change, mostly: Double,
        baseline: Predictions?
    ) throws -> BehaviouralTestResult {
        let (table, column) = try feature(name)
        guard let baseline else { throw error(.missingKey, "no data to change: pass --data DATA.csv", at: name) }
        var variants: [(table: DataTable, label: String?)] = []
        let tested: [Int]
        switch change {
        case .set(let value):
            guard let changed = column.settingEvery(to: value.value) else {
                throw error(
                    .badValue,
                    "`set` is '\(value.value)', which column '\(column.name)' (\(column.type.rawValue)) cannot hold",
                    at: value)
            }
            variants = [(table.replacing(changed), nil)]
            tested = Array(0..<table.rowCount)
        case .swap(let a, let b):
            guard let (changed, rows) = column.swapping(a.value, b.value) else {
                throw error(
                    .badValue,
                    "`swap` exchanges '\(a.value)' and '\(b.value)', which column '\(column.name)' (\(column.type.rawValue)) cannot hold",
                    at: a)
            }
            variants = [(table.replacing(changed), nil)]
            tested = rows
        case .perturb(let delta):
            guard let up = column.moved(by: delta), let down = column.moved(by: -delta) else {
                throw error(
                    .badValue,
                    "`perturb` moves a number, but column '\(column.name)' holds \(column.type.rawValue) values",
                    at: name)
            }
            variants = [
                (table.replacing(up), "+" + formatDouble(delta)), (table.replacing(down), "-" + formatDouble(delta)),
            ]
            tested = column.presentRows
        }
        let predicted = try variants.map { (predictions: try model.predict($0.table), label: $0.label) }
        var failing: [FailingExample] = []
        for row in tested {
            guard let broken = predicted.first(where: { !same(baseline, $0.predictions, row) }) else { continue }
            failing.append(
                FailingExample(
                    line: table.line(ofRow: row), before: outcome(baseline, row),
                    after: outcome(broken.predictions, row),
                    change: broken.label))
        }
        return BehaviouralTestResult(
            test, tested: tested.count, failing: failing, mostly: mostly,
            note: "no row of column '\(column.name)' holds a value the test changes")
    }

    private func directional(
        _ test: BehaviouralTest, column name: Located<String>, delta: Double, positiveClass: Located<String>?,
        expect: BehaviouralTest.Direction, mostly: Double, baseline: Predictions?
    ) throws -> BehaviouralTestResult {
        let isNumericFeature = model.preprocessing.transforms.contains {
            if case .numeric = $0 { return $0.name == name.value }
            return false
        }
        let (table, column) = try feature(name)
        guard isNumericFeature, let moved = column.moved(by: delta) else {
            throw error(
                .badValue,
                "a directional test moves a number, but '\(name.value)' is not a numeric feature of the model", at: name
            )
        }
        let watched: Int?
        if model.task == .regression {
            if let positiveClass {
                throw error(
                    .badValue, "`class` is for classifiers; this model predicts a number, whose value is watched",
                    at: positiveClass)
            }
            watched = nil
        } else {
            guard let positiveClass else {
                throw LabError(
                    .init(.behaviour, .missingKey),
                    "test '\(test.name)' needs `class`: the class whose probability must not \(expect == .notDecrease ? "fall" : "rise") (one of \(model.classes.joined(separator: ", ")))",
                    file: specFile, line: test.line)
            }
            guard let index = model.classes.firstIndex(of: positiveClass.value) else {
                throw error(
                    .badValue,
                    "the model has no class '\(positiveClass.value)'; its classes are \(model.classes.joined(separator: ", "))",
                    at: positiveClass)
            }
            watched = index
        }
        guard let baseline else { throw error(.missingKey, "no data to change: pass --data DATA.csv", at: name) }
        let after = try model.predict(table.replacing(moved))
        func score(_ predictions: Predictions, _ row: Int) -> Double {
            guard let watched, let probabilities = predictions.probabilities else { return predictions.values[row] }
            return probabilities[row, watched]
        }
        var failing: [FailingExample] = []
        let tested = column.presentRows
        for row in tested {
            let was = score(baseline, row)
            let now = score(after, row)
            let broken =
                expect == .notDecrease ? now < was - Self.directionTolerance : now > was + Self.directionTolerance
            if broken {
                failing.append(
                    FailingExample(line: table.line(ofRow: row), before: formatDouble(was), after: formatDouble(now)))
            }
        }
        return BehaviouralTestResult(
            test, tested: tested.count, failing: failing, mostly: mostly,
            note: "column '\(column.name)' has no values to move")
    }

    private func minimum(_ test: BehaviouralTest, rows: [BehaviouralTest.ExpectedRow]) throws -> BehaviouralTestResult {
        guard model.task == .classification else {
            throw LabError(
                .init(.behaviour, .badValue), "test '\(test.name)' expects labels, but this model predicts a number",
                file: specFile, line: test.line)
        }
        var cells: [String: [String]] = [:]
        for row in rows {
            let missing = model.features.filter { row.values[$0] == nil }
            if !missing.isEmpty {
                throw LabError(
                    .init(.behaviour, .missingKey),
                    "the row on line \(row.line) has no value for \(listing(missing.map { "'\($0)'" })); a row needs every feature of the model",
                    file: specFile, line: row.line)
            }
            for (key, value) in row.values.sorted(by: { $0.key < $1.key }) where !model.features.contains(key) {
                var message = "'\(key)' is not a feature of the model"
                if let guess = closestMatch(to: key, among: model.features) { message += "; did you mean '\(guess)'?" }
                throw error(.unknownKey, message, at: Located(value: key, line: value.line, column: nil))
            }
            guard model.classes.contains(row.expect.value) else {
                throw error(
                    .badValue,
                    "the model has no class '\(row.expect.value)'; its classes are \(model.classes.joined(separator: ", "))",
                    at: row.expect)
            }
            for feature in model.features { cells[feature, default: []].append(row.values[feature]?.value ?? "") }
        }
        var columns: [Column] = []
        for transform in model.preprocessing.transforms {
            let texts = cells[transform.name] ?? []
            if case .numeric = transform {
                var numbers: [Double] = []
                for (text, row) in zip(texts, rows) {
                    guard let number = Double(text), number.isFinite else {
                        let value = row.values[transform.name] ?? row.expect
                        throw error(
                            .badValue,
                            "'\(transform.name)' is '\(text)' on line \(row.line); the model reads a number there",
                            at: value)
                    }
                    numbers.append(number)
                }
                columns.append(Column(name: transform.name, storage: .double(numbers)))
            } else {
                var dictionary: [String] = []
                var index: [String: Int32] = [:]
                let codes = texts.map { text in
                    if let code = index[text] { return code }
                    index[text] = Int32(dictionary.count)
                    dictionary.append(text)
                    return Int32(dictionary.count - 1)
                }
                columns.append(Column(name: transform.name, storage: .string(codes: codes, dictionary: dictionary)))
            }
        }
        let predicted = try model.predict(DataTable(columns: columns, source: specFile)).labels
        var failing: [FailingExample] = []
        for (row, label) in zip(rows, predicted) where label != row.expect.value {
            failing.append(FailingExample(line: row.line, after: label, expected: row.expect.value))
        }
        return BehaviouralTestResult(test, tested: rows.count, failing: failing, mostly: 1)
    }
}
