import ArgumentParser
import PipelineEngine

/// `model test`: behavioural tests of a saved model (invariance, directional, minimum).
struct ModelCommand: TopLevelCommand {
    static let helpGroup = HelpGroup.sandboxAndEngine

    static let configuration = CommandConfiguration(
        commandName: "model", abstract: "Test how a saved model behaves (`model test`).",
        subcommands: [Test.self])

    /// `model test MODEL.json --spec TESTS.yaml [--data DATA.csv]`: each test changes inputs
    /// and counts the rows whose prediction breaks its expectation; exit 1 if a required test fails.
    struct Test: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Run behavioural tests on a model; exit 1 if a required test fails.")

        @Argument(help: ArgumentHelp("The model file written by `train --out`.", valueName: "model.json"))
        var model: String
        @Option(help: ArgumentHelp("The behavioural test spec (YAML).", valueName: "tests.yaml"))
        var spec: String
        @Option(help: ArgumentHelp("Rows for invariance and directional tests (CSV).", valueName: "data.csv"))
        var data: String?

        static var completion: CommandCompletion { CommandCompletion(values: .files) }

        func run(in session: LabSession) throws -> Int32 {
            // The spec first: a typo in it should not wait for a large file to load.
            let tests = try BehaviouralSpecReader.load(path: session.userPath(spec), named: spec)
            let trained = try TrainedModel.load(from: session.userPath(model), named: model)
            let table = try data.map { try CSVReader.read(file: session.userPath($0), named: $0) }
            let report = try BehaviouralTestRunner(model: trained, data: table, specFile: spec).run(tests)
            if session.wantsJSON {
                try session.console.json(report)
            } else {
                session.console.line(report.render(session.style, model: model, data: data))
            }
            return report.passed ? 0 : 1
        }
    }
}
