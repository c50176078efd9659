import Foundation
import LabSupport

/// Trains a model from a ``TrainingRequest`` and scores it on the test rows.
package enum Trainer {
    /// A trained model with the report of how it did.
    package struct Outcome: Sendable {
        package var model: TrainedModel
        package var report: TrainingReport
    }

    package static func train(_ request: TrainingRequest) throws -> Outcome {
        let kind = request.model
        let parameters = try ModelParameters(kind: kind, given: request.params)
        let source = request.train.source.isEmpty ? "the training data" : "'\(request.train.source)'"
        let features = try resolveFeatures(request)
        let targetColumn = try request.train.requireColumn(request.target)

        // Rows without a target teach nothing; the rest are split (or the test file is used).
        var trainRows = nonNullRows(targetColumn)
        let skipped = targetColumn.count - trainRows.count
        var testTable: DataTable
        if let test = request.test {
            let testTarget = try test.requireColumn(request.target)
            testTable = TrainTestSplit.rows(nonNullRows(testTarget), of: test)
        } else {
            guard request.testRatio > 0, request.testRatio < 1 else {
                throw LabError(
                    .trainBadTestRatio,
                    "--test-ratio must be between 0 and 1 (exclusive), got \(formatDouble(request.testRatio))")
            }
            let split = TrainTestSplit.split(
                rowCount: trainRows.count, testRatio: request.testRatio, seed: request.seed)
            testTable = TrainTestSplit.rows(split.test.map { trainRows[$0] }, of: request.train)
            trainRows = split.train.map { trainRows[$0] }
        }
        guard !trainRows.isEmpty else {
            throw LabError(
                .trainNoRows,
                request.train.rowCount == 0 || request.test != nil
                    ? "\(source) has no rows with a '\(request.target)' value to train on"
                    : "\(source) has too few rows to split off test rows; add rows or pass --test FILE")
        }
        guard testTable.rowCount > 0 else {
            throw LabError(
                .trainNoRows, "'\(testTable.source)' has no rows with a '\(request.target)' value to test on")
        }
        let trainTable = TrainTestSplit.rows(trainRows, of: request.train)
        let target = try TrainingTarget.read(
            try trainTable.requireColumn(request.target), for: kind, source: trainTable.source)
        if kind == .knn {
            let k = try parameters.integer("k")
            if k > trainRows.count {
                throw LabError(
                    .trainBadParam, "parameter 'k' is \(k) but there are only \(trainRows.count) training rows")
            }
        }

        let start = WallClock.instant()
        let preprocessing = try Preprocessor.fit(
            trainTable, features: features, options: try parameters.preprocessingOptions)
        let x = try preprocessing.transform(trainTable)
        try Interruption.check()
        let estimator = try fit(kind, x: x, target: target, parameters: parameters)
        try Interruption.check()
        guard estimator.isFinite, preprocessing.isFinite else {
            throw overflow(trainTable, columns: [request.target] + features, source: source)
        }
        let trainSeconds = WallClock.seconds(since: start)

        let canonical = TrainingRequest.canonicalParams(
            kind: kind, target: request.target, features: features, parameters: parameters,
            seed: request.seed, testRatio: request.test == nil ? request.testRatio : nil)
        var classes: [String] = []
        if case .classes(_, let names) = target { classes = names }
        let model = TrainedModel(
            kind: kind, target: request.target, features: features, classes: classes, params: parameters.values,
            seed: request.seed, preprocessing: preprocessing, estimator: estimator, dataHash: request.dataHash,
            paramsHash: ContentHash.hex(canonical), trainRows: trainTable.rowCount, testRows: testTable.rowCount)

        let predictions = try model.predict(testTable)
        let (scored, _) = try ScoredRows.make(
            model: model, predictions: predictions,
            target: try testTable.requireColumn(request.target), source: testTable.source)
        let report = TrainingReport(
            model: try ModelSummary(model), task: kind.task, metrics: scored.metrics(), average: scored.average,
            positiveClass: scored.average == "binary" ? model.positiveClass : nil,
            confusionMatrix: scored.confusionMatrix,
            trainRows: trainTable.rowCount, testRows: testTable.rowCount, skippedRows: skipped,
            trainSeconds: trainSeconds,
            iterations: model.convergence?.iterations, converged: model.convergence?.converged,
            encodings: preprocessing.transforms.map {
                ColumnEncoding(column: $0.name, encoding: $0.encoding, width: $0.width)
            },
            out: nil,
            leftOut: request.features == nil ? identifierColumns(request) : [])
        return Outcome(model: model, report: report)
    }

    /// The feature columns: the ones asked for, checked, or every column but the target.
    static func resolveFeatures(_ request: TrainingRequest) throws -> [String] {
        _ = try request.train.requireColumn(request.target)
        guard let asked = request.features else {
            let identifiers = Set(identifierColumns(request))
            let all = request.train.columnNames.filter { $0 != request.target && !identifiers.contains($0) }
            guard !all.isEmpty else {
                let left = identifiers.isEmpty ? [] : identifierColumns(request)
                guard !left.isEmpty else {
                    throw LabError(
                        .trainNoFeatures,
                        "'\(request.train.source)' has no columns besides the target '\(request.target)' to learn from")
                }
                let names = left.map { "'\($0)'" }.joined(separator: ", ")
                throw LabError(
                    .trainNoFeatures,
                    "'\(request.train.source)' has no columns to learn from besides the target '\(request.target)': \(names) \(left.count == 1 ? "was" : "were") left out as \(left.count == 1 ? "an identifier" : "identifiers") (every value distinct, none with a space); name \(left.count == 1 ? "it" : "them") with --features to learn from \(left.count == 1 ? "it" : "them") anyway"
                )
            }
            return all
        }
        guard !asked.isEmpty else { throw LabError(.trainNoFeatures, "--features names no columns") }
        var seen = Set<String>()
        for name in asked {
            if name == request.target {
                throw LabError(
                    .trainTargetInFeatures,
                    "target '\(name)' is also listed in --features; a model cannot learn from the answer it predicts")
            }
            guard seen.insert(name).inserted else {
                throw LabError(.trainDuplicateFeature, "feature '\(name)' is listed twice in --features")
            }
            _ = try request.train.requireColumn(name)
        }
        return asked
    }

    /// Text columns that look like identifiers: every value distinct and none with a space.
    ///
    /// An id tells the model which row it is, not anything that carries over to new rows, so
    /// it is left out unless `--features` names it (free text, which has spaces, stays in).
    static func identifierColumns(_ request: TrainingRequest) -> [String] {
        request.train.columns.filter { column in
            guard column.name != request.target, case .string(let codes, let dictionary) = column.storage,
                column.count > 1, column.nullCount == 0, dictionary.count == codes.count
            else { return false }
            return !dictionary.contains { $0.contains(where: \.isWhitespace) }
        }.map(\.name)
    }

    /// Why a fit produced weights that are not finite numbers, naming the columns to blame.
    ///
    /// Squares of values beyond about 1.3e154 (the square root of the largest double)
    /// overflow, and the fits square their inputs; those are the columns named.
    static func overflow(_ table: DataTable, columns: [String], source: String) -> LabError {
        let limit = Double.greatestFiniteMagnitude.squareRoot()
        var blamed: [String] = []
        for name in columns {
            guard let column = table.column(name), column.isNumeric else { continue }
            let largest = ExtremeValues.largestMagnitude(column.numericValues())
            if !(largest <= limit) { blamed.append("'\(name)' holds values as large as \(formatDouble(largest))") }
        }
        guard !blamed.isEmpty else {
            return LabError(
                .trainOverflow,
                "training on \(source) produced weights that are not finite numbers: its numbers are too far apart for a double; rescale the numeric columns (for example to thousands or millions)"
            )
        }
        return LabError(
            .trainOverflow,
            "training on \(source) produced weights that are not finite numbers: "
                + blamed.joined(separator: ", ")
                + " (beyond about 1.3e154, squares overflow a double); rescale \(blamed.count == 1 ? "it" : "them") (for example to thousands or millions)"
        )
    }

    private static func nonNullRows(_ column: Column) -> [Int] {
        (0..<column.count).filter { !column.isNull($0) }
    }

    private static func fit(_ kind: ModelKind, x: FeatureMatrix, target: TrainingTarget, parameters: ModelParameters)
        throws -> FittedEstimator
    {
        switch (kind, target) {
        case (.linear, .values(let values)):
            return .linear(try RidgeRegression.fit(x, targets: values, alpha: try parameters.double("alpha")))
        case (.logistic, .classes(let labels, let classes)):
            return .logistic(
                LogisticRegression.fit(
                    x, labels: labels, classCount: classes.count, c: try parameters.double("C"),
                    maxIterations: try parameters.integer("max_iter"), tolerance: try parameters.double("tol")))
        case (.knn, .classes(let labels, let classes)):
            return .knn(
                KNearestNeighbors(
                    k: try parameters.integer("k"), classCount: classes.count, width: x.columns,
                    points: x.values, labels: labels))
        case (.naiveBayes, .classes(let labels, let classes)):
            return .naiveBayes(
                GaussianNaiveBayes.fit(
                    x, labels: labels, classCount: classes.count,
                    varSmoothing: try parameters.double("var_smoothing")))
        default:
            preconditionFailure("TrainingTarget.read matches the target to the model's task")
        }
    }
}
