import ArgumentParser
import Foundation
import LabSupport
import PipelineEngine

/// `train TRAIN.csv --target COL`: fits a model, scores it on held-out rows, saves it with --out.
struct TrainCommand: LabCommand, TopLevelCommand {
    static let helpGroup = HelpGroup.sandboxAndEngine

    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a model on a CSV file and score it on test rows.",
        discussion: """
            Numbers are standardised, booleans and text with few values one-hot encoded, other text \
            hashed into word buckets. Models: logistic, linear (ridge), knn, naive-bayes. \
            Settings: --param C=0.5, --param k=7, --param alpha=10, --param text_columns=notes, ...
            """)

    @Argument(help: ArgumentHelp("The training data.", valueName: "train.csv"))
    var data: String

    @Option(help: ArgumentHelp("The column to predict.", valueName: "col"))
    var target: String

    @Option(
        help: ArgumentHelp(
            "Separate test data; without it, --test-ratio of the rows are held out.", valueName: "test.csv"))
    var test: String?

    @Option(
        name: .customLong("test-ratio"),
        help: ArgumentHelp("Share of rows held out for testing (default 0.2).", valueName: "r"))
    var testRatio: Double?

    @Option(help: ArgumentHelp("logistic, linear, knn or naive-bayes.", valueName: "kind"))
    var model = "logistic"

    @Option(
        help: ArgumentHelp("Comma-separated input columns (default: every column but the target).", valueName: "a,b"))
    var features: String?

    @Option(
        name: .customLong("param"), help: ArgumentHelp("A model setting, KEY=VALUE (repeatable).", valueName: "k=v"))
    var params: [String] = []

    @Option(help: ArgumentHelp("Seed of the train/test split.", valueName: "s"))
    var seed: UInt64 = 42

    @Option(help: ArgumentHelp("Where to save the model file (JSON).", valueName: "model.json"))
    var out: String?

    func run(in session: LabSession) throws -> Int32 {
        if test != nil, testRatio != nil {
            throw LabError(.usageConflict, "give --test FILE or --test-ratio R, not both")
        }
        // Cheap checks first: a typo in the model or a param should not wait for a large file.
        let kind = try ModelKind.named(model)
        let given = try ModelParameters.parse(params)
        _ = try ModelParameters(kind: kind, given: given)
        let outPath = try out.map { try session.outputPath($0) }

        let trainPath = try session.userPath(data)
        var request = TrainingRequest(
            train: try CSVReader.read(file: trainPath, named: data), target: target,
            dataHash: try ContentHash.hex(fileAt: trainPath))
        if let test { request.test = try CSVReader.read(file: session.userPath(test), named: test) }
        request.testRatio = testRatio ?? 0.2
        request.features = features.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        request.model = kind
        request.params = given
        request.seed = seed
        var outcome = try Trainer.train(request)
        if let out, let outPath {
            try session.makeOutputFolder(for: outPath, typed: out)
            try outcome.model.save(to: outPath, named: out)
            outcome.report.out = out
        }
        if session.wantsJSON {
            try session.console.json(outcome.report)
        } else {
            session.console.line(outcome.report.render(session.style, source: data))
            if out == nil {
                session.console.line(session.style.dim("\nNot saved: add --out MODEL.json to keep the model."))
            }
        }
        return 0
    }
}
