import ArgumentParser
import PipelineEngine

/// `evaluate MODEL.json DATA.csv [--slice COL]`: metrics, measured latency, memory and fairness.
struct EvaluateCommand: LabCommand, TopLevelCommand {
    static let helpGroup = HelpGroup.sandboxAndEngine

    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score a saved model on a CSV file: metrics, latency, memory, per-slice fairness.")

    @Argument(help: ArgumentHelp("The model file written by `train --out`.", valueName: "model.json"))
    var model: String

    @Argument(help: ArgumentHelp("Data with the model's features and target.", valueName: "data.csv"))
    var data: String

    @Option(
        help: ArgumentHelp("A column to break the metrics down by (with fairness across its values).", valueName: "col")
    )
    var slice: String?

    func run(in session: LabSession) throws -> Int32 {
        let trained = try TrainedModel.open(session.userPath(model), named: model)
        let table = try CSVReader.read(file: session.userPath(data), named: data)
        var report = try Evaluator.evaluate(trained, on: table, slice: slice)
        report.measuredOn = data
        if session.wantsJSON {
            try session.console.json(report)
        } else {
            session.console.line(report.render(session.style, source: data))
        }
        return 0
    }
}
