import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// A model file whose arrays disagree is refused on load, naming the field, before any weight
/// is read through a pointer (issue #18, item 4).
@Suite struct ModelFileCheckTests {
    /// One crafted model: a trained fixture model with one field changed.
    struct Crafted: Sendable, CustomTestStringConvertible {
        var data: String
        var target: String
        var kind: ModelKind
        var change: @Sendable (inout [String: Any]) -> Void
        var message: String
        var testDescription: String { message }
    }

    static func weights(_ json: inout [String: Any], _ body: (inout [String: Any]) -> Void) {
        var weights = json["weights"] as! [String: Any]
        body(&weights)
        json["weights"] = weights
    }

    static func columns(_ json: inout [String: Any], _ body: (inout [[String: Any]]) -> Void) {
        var preprocessing = json["preprocessing"] as! [String: Any]
        var columns = preprocessing["columns"] as! [[String: Any]]
        body(&columns)
        preprocessing["columns"] = columns
        json["preprocessing"] = preprocessing
    }

    static let cases: [Crafted] = [
        Crafted(
            data: "customers", target: "churned", kind: .logistic,
            change: { json in
                weights(&json) { w in
                    var rows = w["coefficients"] as! [[Double]]
                    rows.append(rows[0])
                    w["coefficients"] = rows
                }
            },
            message: "weights.coefficients has 2 rows, expected 1 (one for a binary model)"),
        Crafted(
            data: "customers", target: "churned", kind: .logistic,
            change: { json in
                weights(&json) { w in
                    var rows = w["coefficients"] as! [[Double]]
                    rows[0].removeLast(5)
                    w["coefficients"] = rows
                }
            },
            message: "weights.coefficients[0] has 7 values, expected 12 (one per model feature)"),
        Crafted(
            data: "wine", target: "cultivar", kind: .logistic,
            change: { json in weights(&json) { $0["intercepts"] = [0.5] } },
            message: "weights.intercepts has 1 value, expected 3 (one per class)"),
        Crafted(
            data: "wine", target: "cultivar", kind: .knn,
            change: { json in
                weights(&json) { w in
                    var labels = w["labels"] as! [Int]
                    labels[4] = 7
                    w["labels"] = labels
                }
            },
            message: "weights.labels[4] is 7, expected a class index from 0 to 2"),
        Crafted(
            data: "wine", target: "cultivar", kind: .knn,
            change: { json in
                weights(&json) { w in
                    var points = w["points"] as! [Double]
                    points.removeLast()
                    w["points"] = points
                }
            },
            message: "weights.points has 1728 values, expected 1729 (133 training rows × 13 features)"),
        Crafted(
            data: "wine", target: "cultivar", kind: .knn,
            change: { json in weights(&json) { $0["class_count"] = 9 } },
            message: "weights.class_count is 9, expected 3 (one per class)"),
        Crafted(
            data: "wine", target: "cultivar", kind: .knn,
            change: { json in json["classes"] = ["1", "2"] },
            message: "weights.class_count is 3, expected 2 (one per class)"),
        Crafted(
            data: "breast-cancer", target: "benign", kind: .naiveBayes,
            change: { json in
                weights(&json) { w in
                    var variances = w["variances"] as! [[Double]]
                    variances[1][3] = 0
                    w["variances"] = variances
                }
            },
            message: "weights.variances[1][3] is 0, expected above 0"),
        Crafted(
            data: "breast-cancer", target: "benign", kind: .naiveBayes,
            change: { json in weights(&json) { $0["priors"] = [1.0] } },
            message: "weights.priors has 1 value, expected 2 (one per class)"),
        Crafted(
            data: "diabetes", target: "progression", kind: .linear,
            change: { json in
                weights(&json) { w in w["coefficients"] = (w["coefficients"] as! [Double]) + [1, 2] }
            },
            message: "weights.coefficients has 12 values, expected 10 (one per model feature)"),
        Crafted(
            data: "diabetes", target: "progression", kind: .linear,
            change: { json in json["classes"] = ["a", "b"] },
            message: "classes lists 2 classes, expected none for a linear model"),
        Crafted(
            data: "diabetes", target: "progression", kind: .linear,
            change: { json in json["features"] = Array((json["features"] as! [String]).dropLast()) },
            message: "features lists 9 columns but preprocessing.columns has 10, expected one per feature"),
        Crafted(
            data: "diabetes", target: "progression", kind: .linear,
            change: { json in columns(&json) { $0[2]["scale"] = 0 } },
            message: "preprocessing.columns[2].scale is 0, expected a finite number above 0"),
        Crafted(
            data: "diabetes", target: "progression", kind: .linear,
            change: { json in columns(&json) { $0[1]["name"] = "age" } },
            message: "preprocessing.columns[1].name is 'age', expected 'sex' (the features, in order)"),
        Crafted(
            data: "customers", target: "churned", kind: .logistic,
            change: { json in
                columns(&json) { columns in
                    columns[5] = ["encoding": "text", "name": columns[5]["name"]!, "buckets": 0]
                }
            },
            message: "preprocessing.columns[5].buckets is 0, expected a whole number from 1 to 4294967295"),
        Crafted(
            data: "customers", target: "churned", kind: .logistic,
            change: { json in
                columns(&json) { columns in
                    columns[5] = ["encoding": "text", "name": columns[5]["name"]!, "buckets": Int.max]
                }
            },
            message:
                "preprocessing.columns[5].buckets is 9223372036854775807, expected a whole number from 1 to 4294967295"),
        Crafted(
            data: "customers", target: "churned", kind: .logistic,
            change: { json in json["classes"] = ["1", "1"] },
            message: "classes[1] repeats the class '1'"),
    ]

    @Test(arguments: cases)
    func aModelWhoseArraysDisagreeIsRefusedNamingTheField(crafted: Crafted) throws {
        let request = try TrainingRequest.fixture(crafted.data, target: crafted.target, model: crafted.kind)
        let model = try Trainer.train(request).model
        let directory = try TestTables.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("model.json").path
        try model.save(to: path)
        var json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        crafted.change(&json)
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: LabError.self) { try TrainedModel.load(from: path, named: "models/candidate.json") }
        #expect(error?.code == "model.invalid")
        #expect(error?.file == "models/candidate.json")
        #expect(error?.message == crafted.message)
        #expect(error?.kind == .badInput)
    }
}
