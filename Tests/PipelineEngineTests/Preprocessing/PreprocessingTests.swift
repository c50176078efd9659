import Testing

@testable import LabSupport
@testable import PipelineEngine

/// How columns become features: scaling, one-hot, hashed text and nulls.
@Suite struct PreprocessingTests {
    func fit(_ csv: String, _ features: [String], options: PreprocessingOptions = PreprocessingOptions()) throws
        -> Preprocessor
    {
        try Preprocessor.fit(TestTables.csv(csv, source: "train.csv"), features: features, options: options)
    }

    @Test func standardisesWithTheTrainingMeanAndPopulationStd() throws {
        let p = try fit("x\n1\n2\n3\n4", ["x"])
        #expect(
            p.transforms == [
                .numeric(NumericScaling(name: "x", mean: 2.5, scale: 1.25.squareRoot(), missingIndicator: false))
            ])
        let x = try p.transform(TestTables.csv("x\n5\n2.5"))
        #expect(x.values == [2.5 / 1.25.squareRoot(), 0])
    }

    @Test func aConstantColumnBecomesZerosInsteadOfDividingByZero() throws {
        let p = try fit("x\n7\n7\n7", ["x"])
        #expect(p.transforms == [.numeric(NumericScaling(name: "x", mean: 7, scale: 1, missingIndicator: false))])
        #expect(try p.transform(TestTables.csv("x\n7\n9")).values == [0, 2])
    }

    @Test func nullsAreImputedWithTheMeanAndMarked() throws {
        let p = try fit("x\n1\n\n3", ["x"])
        // Like SimpleImputer then StandardScaler: the imputed row adds no spread but counts.
        #expect(
            p.transforms == [
                .numeric(NumericScaling(name: "x", mean: 2, scale: (2.0 / 3).squareRoot(), missingIndicator: true))
            ])
        #expect(p.outputNames == ["x", "x (missing)"])
        let x = try p.transform(TestTables.csv("x\n\n2"))
        #expect(x.values == [0, 1, 0, 0])
    }

    @Test func categoriesAreOneHotEncodedAndUnknownOnesIgnored() throws {
        let p = try fit("plan,member\nbasic,true\npro,false\nbasic,true", ["plan", "member"])
        #expect(p.outputNames == ["plan=basic", "plan=pro", "member=false", "member=true"])
        let x = try p.transform(TestTables.csv("plan,member\npro,true\nenterprise,false\n,true"))
        #expect(
            x.values == [
                0, 1, 0, 1,
                0, 0, 1, 0,
                0, 0, 0, 1,
            ])
    }

    @Test func categoriesSortNumericallyWhenTheyAreNumbers() throws {
        var options = PreprocessingOptions()
        options.categoricalColumns = ["zone"]
        let p = try fit("zone\n10\n2\n1", ["zone"], options: options)
        #expect(p.outputNames == ["zone=1", "zone=2", "zone=10"])
    }

    @Test func manyDistinctValuesMakeATextColumn() throws {
        var options = PreprocessingOptions()
        options.maxCategories = 2
        options.hashBuckets = 8
        let p = try fit("note\nfast delivery\nslow\nbroken box", ["note"], options: options)
        #expect(p.transforms == [.text(HashedText(name: "note", buckets: 8))])
        #expect(p.width == 8)
    }

    @Test func overridesChooseTextOrCategorical() throws {
        var options = PreprocessingOptions()
        options.textColumns = ["a"]
        options.categoricalColumns = ["b"]
        options.hashBuckets = 4
        let p = try fit("a,b\nx,1\ny,2", ["a", "b"], options: options)
        #expect(p.transforms.map(\.encoding) == ["text", "categorical"])
    }

    @Test func textOverrideOnANumberIsRefused() {
        var options = PreprocessingOptions()
        options.textColumns = ["age"]
        #expect(
            throws: LabError(
                "train.bad_param",
                "text_columns names 'age', which holds integer values; only text columns can be hashed as words")
        ) {
            try fit("age\n1\n2", ["age"], options: options)
        }
    }

    @Test func anOverrideMustNameAFeature() {
        var options = PreprocessingOptions()
        options.categoricalColumns = ["regoin"]
        #expect(
            throws: LabError(
                "train.bad_param",
                "'regoin' is named in text_columns or categorical_columns but is not a feature. Did you mean 'region'?")
        ) {
            try fit("region\nn\ns", ["region"], options: options)
        }
    }

    @Test func aNumericFeatureHoldingTextLaterIsAnError() throws {
        let p = try fit("x\n1\n2", ["x"])
        #expect(
            throws: LabError(
                "data.type_mismatch",
                "feature 'x' was numeric when the model was trained but holds text in eval.csv: 'n/a' on line 2 is not a number"
            )
        ) {
            try p.transform(TestTables.csv("x\nn/a\n3", source: "eval.csv"))
        }
    }

    @Test func aMissingFeatureColumnIsNamed() throws {
        let p = try fit("tenure\n1\n2", ["tenure"])
        #expect(throws: LabError("data.unknown_column", "no column 'tenure' in eval.csv. Did you mean 'tenur'?")) {
            try p.transform(TestTables.csv("tenur\n1", source: "eval.csv"))
        }
    }

    @Test func anAllNullFeatureCannotBeScaled() {
        #expect(
            throws: LabError(
                "train.empty_feature",
                "feature 'x' has no values in the training rows of train.csv; drop it with --features")
        ) {
            try Preprocessor.fit(
                DataTable(
                    columns: [Column(name: "x", storage: .double([0, 0]), nulls: [true, true])], source: "train.csv"),
                features: ["x"], options: PreprocessingOptions())
        }
    }
}

/// The hashed bag of words.
@Suite struct TextHashingTests {
    @Test func tokensAreLowerCasedWordsWithoutPunctuation() {
        #expect(
            TextHashing.tokens("Hello, World! It's 2024 -- déjà vu.") == [
                "hello", "world", "it", "s", "2024", "déjà", "vu",
            ])
        #expect(TextHashing.tokens("  ...  ").isEmpty)
    }

    @Test(arguments: [("", 0x811c_9dc5 as UInt32), ("a", 0xe40c_292c), ("foobar", 0xbf9c_f968)])
    func fnv1aMatchesTheReferenceVectors(text: String, hash: UInt32) {
        #expect(TextHashing.fnv1a32(text) == hash)
    }

    @Test func vectorsCountWordsPerBucketAtUnitLength() {
        let v = TextHashing.vector("spam spam eggs", buckets: 16)
        let spam = TextHashing.bucket(of: "spam", buckets: 16)
        let eggs = TextHashing.bucket(of: "eggs", buckets: 16)
        #expect(spam != eggs)
        #expect(abs(v[spam] - 2 / 5.0.squareRoot()) < 1e-15)
        #expect(abs(v[eggs] - 1 / 5.0.squareRoot()) < 1e-15)
        #expect(v.filter { $0 != 0 }.count == 2)
        #expect(TextHashing.vector("", buckets: 4) == [0, 0, 0, 0])
    }

    @Test func aModelLearnsFromHashedText() throws {
        let good = [
            "great fast service", "love it", "great product", "fast and great", "love the service", "really love it",
        ]
        let bad = [
            "terrible slow service", "hate it", "broken product", "slow and terrible", "hate the delay",
            "really broken",
        ]
        var rows = ["review,happy"]
        for i in 0..<6 { rows += ["\(good[i]),yes", "\(bad[i]),no"] }
        var request = TrainingRequest(
            train: TestTables.csv(rows.joined(separator: "\n")), target: "happy", dataHash: "")
        request.test = TestTables.csv("review,happy\ngreat love,yes\nslow broken,no\nterrible,no\nfast,yes")
        request.params = ["hash_buckets": "64", "text_columns": "review"]
        let outcome = try Trainer.train(request)
        #expect(outcome.report.encodings == [ColumnEncoding(column: "review", encoding: "text", width: 64)])
        #expect(outcome.report.metrics["accuracy"] == 1)
    }
}
