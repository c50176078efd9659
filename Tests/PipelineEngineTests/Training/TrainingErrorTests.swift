import Testing

@testable import LabSupport
@testable import PipelineEngine

/// Bad training input: each mistake gets a stable code and a message that says what to do.
@Suite struct TrainingErrorTests {
    static let csv =
        "tenure,plan,price,churned\n1,basic,9.5,0\n5,pro,19.5,1\n3,basic,9.5,0\n8,pro,29.5,1\n2,basic,9.5,1"

    func train(_ csv: String = csv, target: String = "churned", _ configure: (inout TrainingRequest) -> Void = { _ in })
        throws
    {
        var request = TrainingRequest(train: TestTables.csv(csv, source: "train.csv"), target: target, dataHash: "")
        request.test = TestTables.csv(Self.csv, source: "test.csv")
        configure(&request)
        _ = try Trainer.train(request)
    }

    @Test func unknownModelSuggestsTheNearest() {
        #expect(
            throws: LabError(
                "train.unknown_model",
                "unknown model 'logstic'. Did you mean 'logistic'? (models: logistic, linear, knn, naive-bayes)")
        ) {
            try ModelKind.named("logstic")
        }
    }

    @Test func unknownParamSuggestsTheNearest() {
        #expect(
            throws: LabError(
                "train.unknown_param",
                "unknown parameter 'max_iters' for --model logistic. Did you mean 'max_iter'? (parameters: C, max_iter, tol, max_categories, hash_buckets, text_columns, categorical_columns)"
            )
        ) {
            try train { $0.params = ["max_iters": "5"] }
        }
    }

    @Test(arguments: [
        (ModelKind.logistic, "C", "0", "parameter 'C' must be a number greater than 0, got '0'"),
        (.logistic, "max_iter", "1.5", "parameter 'max_iter' must be a whole number of at least 1, got '1.5'"),
        (.linear, "alpha", "-1", "parameter 'alpha' must be a number of at least 0, got '-1'"),
        (.knn, "k", "many", "parameter 'k' must be a whole number of at least 1, got 'many'"),
    ])
    func badParamValuesAreRefused(model: ModelKind, name: String, value: String, message: String) {
        #expect(throws: LabError("train.bad_param", message)) {
            _ = try ModelParameters(kind: model, given: [name: value])
        }
    }

    @Test func paramArgumentsMustBeKeyEqualsValue() throws {
        #expect(try ModelParameters.parse(["C=0.5", "text_columns = a,b"]) == ["C": "0.5", "text_columns": "a,b"])
        #expect(throws: LabError("usage.bad_param", "--param expects KEY=VALUE, got 'C'")) {
            try ModelParameters.parse(["C"])
        }
        #expect(throws: LabError("usage.bad_param", "--param 'C' is given twice")) {
            try ModelParameters.parse(["C=1", "C=2"])
        }
    }

    @Test func aSingleClassTargetCannotBeLearnt() {
        #expect(
            throws: LabError(
                "train.single_class",
                "target 'churned' has a single class ('0') in the 2 training rows of train.csv; a classifier needs at least two classes"
            )
        ) {
            try train("tenure,churned\n1,0\n2,0")
        }
    }

    @Test func noRowsToTrainOn() {
        #expect(throws: LabError("train.no_rows", "'train.csv' has no rows with a 'churned' value to train on")) {
            try train("tenure,churned\n1,\n2,")
        }
        #expect(
            throws: LabError(
                "train.no_rows", "'train.csv' has too few rows to split off test rows; add rows or pass --test FILE")
        ) {
            try train("tenure,churned\n1,0") { $0.test = nil }
        }
    }

    @Test func theTargetCannotAlsoBeAFeature() {
        #expect(
            throws: LabError(
                "train.target_in_features",
                "target 'churned' is also listed in --features; a model cannot learn from the answer it predicts")
        ) {
            try train { $0.features = ["tenure", "churned"] }
        }
    }

    @Test func unknownColumnsSuggestTheNearest() {
        #expect(throws: LabError("data.unknown_column", "no column 'tenur' in train.csv. Did you mean 'tenure'?")) {
            try train { $0.features = ["tenur"] }
        }
        #expect(throws: LabError("data.unknown_column", "no column 'churn' in train.csv. Did you mean 'churned'?")) {
            try train(target: "churn")
        }
    }

    @Test func aFeatureListedTwiceIsRefused() {
        #expect(throws: LabError("train.duplicate_feature", "feature 'plan' is listed twice in --features")) {
            try train { $0.features = ["plan", "tenure", "plan"] }
        }
    }

    @Test func regressionNeedsANumericTarget() {
        #expect(
            throws: LabError(
                "train.target_not_numeric",
                "target 'plan' holds string values, but --model linear predicts a number; pick a numeric target or a classifier (logistic, knn, naive-bayes)"
            )
        ) {
            try train(target: "plan") { $0.model = .linear }
        }
    }

    @Test func classifiersRefuseAContinuousTarget() {
        #expect(
            throws: LabError(
                "train.continuous_target",
                "target 'price' holds continuous numbers (such as 9.5), but --model logistic predicts classes; use --model linear for a number"
            )
        ) {
            try train(target: "price")
        }
    }

    @Test(arguments: [0.0, 1.0, -0.2])
    func theTestRatioMustLieStrictlyBetweenZeroAndOne(ratio: Double) {
        #expect(
            throws: LabError(
                "train.bad_test_ratio", "--test-ratio must be between 0 and 1 (exclusive), got \(formatDouble(ratio))")
        ) {
            try train {
                $0.test = nil
                $0.testRatio = ratio
            }
        }
    }

    @Test func knnNeedsAtLeastKRows() {
        #expect(throws: LabError("train.bad_param", "parameter 'k' is 5 but there are only 4 training rows")) {
            try train("tenure,churned\n1,0\n2,1\n3,0\n4,1") { $0.model = .knn }
        }
    }

    @Test func collinearFeaturesWithoutPenaltyAreSingular() {
        #expect(
            throws: LabError(
                "train.singular",
                "the features are collinear, so the least-squares problem has no unique solution; use --param alpha=1 (or larger)"
            )
        ) {
            try train("a,b,y\n1,2,1\n2,4,2\n3,6,2\n4,8,5", target: "y") {
                $0.model = .linear
                $0.params = ["alpha": "0"]
                $0.test = nil
            }
        }
    }

    @Test func aTestFileWithoutTheTargetIsNamed() {
        #expect(throws: LabError("data.unknown_column", "no column 'churned' in test.csv. Did you mean 'churn'?")) {
            try train { $0.test = TestTables.csv("tenure,plan,price,churn\n1,basic,9.5,0", source: "test.csv") }
        }
    }
}

@Suite struct IdentifierColumnTests {
    @Test func identifierLikeColumnsAreLeftOutUnlessNamed() throws {
        let table = try CSVReader.parse(
            """
            customer_id,note,tenure,churned
            C1,short one,1,0
            C2,another note,5,1
            C3,third note here,2,0
            C4,and a fourth,9,1
            """, source: "t.csv")
        var request = TrainingRequest(train: table, target: "churned", dataHash: "h")
        request.test = table
        let outcome = try Trainer.train(request)
        #expect(outcome.model.features == ["note", "tenure"])
        #expect(outcome.report.leftOut == ["customer_id"])
        request.features = ["customer_id", "tenure"]
        let named = try Trainer.train(request)
        #expect(named.model.features == ["customer_id", "tenure"])
        #expect(named.report.leftOut.isEmpty)
    }
}
