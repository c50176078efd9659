import LabSupport

/// The shape check every model file passes before anything reads its weights.
///
/// Prediction reads the weights through unsafe pointers sized by the preprocessing's feature
/// count and the number of classes, so a file whose arrays disagree (a hand-edited model, or one
/// a scenario wrote) would read or write past a buffer. Nothing in a model file is trusted until
/// every count, index and number agrees; each refusal names the field as a JSON path.
extension TrainedModel {
    /// Throws `model.invalid` naming the first field that does not fit the rest of the model.
    func checkShape() throws {
        func bad(_ field: String, _ problem: String) -> LabError {
            LabError(.modelInvalid, "\(field) \(problem)")
        }
        guard trainRows >= 0 else { throw bad("train_rows", "is \(trainRows), expected a count of at least 0") }
        guard testRows >= 0 else { throw bad("test_rows", "is \(testRows), expected a count of at least 0") }
        let transforms = preprocessing.transforms
        guard features.count == transforms.count else {
            throw bad(
                "features",
                "lists \(Self.counted(features.count, "column")) but preprocessing.columns has \(transforms.count), expected one per feature"
            )
        }
        var seen = Set<String>()
        for (index, name) in features.enumerated() {
            guard seen.insert(name).inserted else { throw bad("features[\(index)]", "repeats the column '\(name)'") }
            guard name != target else {
                throw bad("features[\(index)]", "is the target '\(target)'; a model cannot read the answer it predicts")
            }
            guard transforms[index].name == name else {
                throw bad(
                    "preprocessing.columns[\(index)].name",
                    "is '\(transforms[index].name)', expected '\(name)' (the features, in order)")
            }
        }
        let width = try checkTransforms(transforms, bad)
        guard width >= 1 else { throw bad("preprocessing.columns", "produce no model features, expected at least one") }
        try checkClasses(bad)
        try checkEstimator(width: width, bad)
    }

    /// Checks each transform's learnt state and returns the number of model features they make.
    private func checkTransforms(
        _ transforms: [FeatureTransform], _ bad: (String, String) -> LabError
    ) throws -> Int {
        var width = 0
        for (index, transform) in transforms.enumerated() {
            let field = "preprocessing.columns[\(index)]"
            let columns: Int
            switch transform {
            case .numeric(let scaling):
                guard scaling.mean.isFinite else {
                    throw bad("\(field).mean", "is \(Self.describe(scaling.mean)), expected a finite number")
                }
                guard scaling.scale.isFinite, scaling.scale > 0 else {
                    throw bad("\(field).scale", "is \(Self.describe(scaling.scale)), expected a finite number above 0")
                }
                columns = scaling.missingIndicator ? 2 : 1
            case .categorical(let oneHot):
                var distinct = Set<String>()
                for (position, category) in oneHot.categories.enumerated() where !distinct.insert(category).inserted {
                    throw bad("\(field).categories[\(position)]", "repeats the category '\(category)'")
                }
                columns = oneHot.categories.count
            case .text(let hashed):
                guard hashed.buckets >= 1, hashed.buckets <= Int(UInt32.max) else {
                    throw bad(
                        "\(field).buckets", "is \(hashed.buckets), expected a whole number from 1 to \(UInt32.max)")
                }
                columns = hashed.buckets
            }
            let (sum, overflow) = width.addingReportingOverflow(columns)
            guard !overflow else {
                throw bad("preprocessing.columns", "make more model features than a model can hold")
            }
            width = sum
        }
        return width
    }

    /// A classifier has at least two distinct classes; a regression none.
    private func checkClasses(_ bad: (String, String) -> LabError) throws {
        if task == .regression {
            guard classes.isEmpty else {
                throw bad("classes", "lists \(classes.count) classes, expected none for a \(kind.rawValue) model")
            }
            return
        }
        guard classes.count >= 2 else {
            throw bad("classes", "lists \(classes.count), expected at least 2 for a \(kind.rawValue) classifier")
        }
        var seen = Set<String>()
        for (index, label) in classes.enumerated() where !seen.insert(label).inserted {
            throw bad("classes[\(index)]", "repeats the class '\(label)'")
        }
    }

    /// Every weight array the right length for `width` features and the classes, every index in
    /// range, every number finite.
    private func checkEstimator(width: Int, _ bad: (String, String) -> LabError) throws {
        let perFeature = "expected \(width) (one per model feature)"
        func finite(_ values: [Double], _ field: String) throws {
            if let index = values.firstIndex(where: { !$0.isFinite }) {
                throw bad("\(field)[\(index)]", "is \(Self.describe(values[index])), expected a finite number")
            }
        }
        switch estimator {
        case .logistic(let model):
            let vectors = classes.count == 2 ? 1 : classes.count
            let per = classes.count == 2 ? "one for a binary model" : "one per class"
            guard model.coefficients.count == vectors else {
                throw bad(
                    "weights.coefficients",
                    "has \(Self.counted(model.coefficients.count, "row")), expected \(vectors) (\(per))")
            }
            for (row, weights) in model.coefficients.enumerated() {
                guard weights.count == width else {
                    throw bad(
                        "weights.coefficients[\(row)]", "has \(Self.counted(weights.count, "value")), \(perFeature)")
                }
                try finite(weights, "weights.coefficients[\(row)]")
            }
            guard model.intercepts.count == vectors else {
                throw bad(
                    "weights.intercepts",
                    "has \(Self.counted(model.intercepts.count, "value")), expected \(vectors) (\(per))")
            }
            try finite(model.intercepts, "weights.intercepts")
            guard model.iterations >= 0 else {
                throw bad("weights.iterations", "is \(model.iterations), expected a count of at least 0")
            }
        case .linear(let model):
            guard model.coefficients.count == width else {
                throw bad(
                    "weights.coefficients", "has \(Self.counted(model.coefficients.count, "value")), \(perFeature)")
            }
            try finite(model.coefficients, "weights.coefficients")
            guard model.intercept.isFinite else {
                throw bad("weights.intercept", "is \(Self.describe(model.intercept)), expected a finite number")
            }
        case .knn(let model):
            guard model.k >= 1 else { throw bad("weights.k", "is \(model.k), expected at least 1") }
            guard model.classCount == classes.count else {
                throw bad("weights.class_count", "is \(model.classCount), expected \(classes.count) (one per class)")
            }
            guard model.width == width else { throw bad("weights.width", "is \(model.width), \(perFeature)") }
            guard !model.labels.isEmpty else { throw bad("weights.labels", "is empty, expected one per training row") }
            let (expected, overflow) = model.labels.count.multipliedReportingOverflow(by: width)
            guard !overflow, model.points.count == expected else {
                throw bad(
                    "weights.points",
                    "has \(Self.counted(model.points.count, "value")), expected \(overflow ? "more than a model can hold" : String(expected)) (\(model.labels.count) training rows × \(width) features)"
                )
            }
            if let index = model.labels.firstIndex(where: { !(0..<classes.count).contains($0) }) {
                throw bad(
                    "weights.labels[\(index)]",
                    "is \(model.labels[index]), expected a class index from 0 to \(classes.count - 1)")
            }
            try finite(model.points, "weights.points")
        case .naiveBayes(let model):
            for (field, rows) in [("means", model.means), ("variances", model.variances)] {
                guard rows.count == classes.count else {
                    throw bad(
                        "weights.\(field)",
                        "has \(Self.counted(rows.count, "row")), expected \(classes.count) (one per class)")
                }
                for (row, values) in rows.enumerated() {
                    guard values.count == width else {
                        throw bad(
                            "weights.\(field)[\(row)]", "has \(Self.counted(values.count, "value")), \(perFeature)")
                    }
                    try finite(values, "weights.\(field)[\(row)]")
                }
            }
            for (row, values) in model.variances.enumerated() {
                if let index = values.firstIndex(where: { $0 <= 0 }) {
                    throw bad(
                        "weights.variances[\(row)][\(index)]", "is \(Self.describe(values[index])), expected above 0")
                }
            }
            guard model.priors.count == classes.count else {
                throw bad(
                    "weights.priors",
                    "has \(Self.counted(model.priors.count, "value")), expected \(classes.count) (one per class)")
            }
            try finite(model.priors, "weights.priors")
            if let index = model.priors.firstIndex(where: { $0 < 0 || $0 > 1 }) {
                throw bad(
                    "weights.priors[\(index)]", "is \(Self.describe(model.priors[index])), expected a share from 0 to 1"
                )
            }
            guard model.priors.contains(where: { $0 > 0 }) else {
                throw bad("weights.priors", "are all 0, expected at least one class with a share above 0")
            }
        }
    }

    /// "1 value", "3 values".
    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// A number as the message shows it: `inf`, `-inf`, `nan` or its shortest text.
    private static func describe(_ value: Double) -> String {
        value.isNaN ? "nan" : value.isInfinite ? (value < 0 ? "-inf" : "inf") : formatDouble(value)
    }
}
