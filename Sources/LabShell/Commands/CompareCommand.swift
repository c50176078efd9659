import ArgumentParser
import PipelineEngine

/// `compare CHAMPION.json CHALLENGER.json DATA.csv`: whether the challenger is better than
/// the champion on the same labelled rows, with the evidence.
///
/// A comparison is a finding, not a failure: the command exits 0 whatever the decision, and
/// 2 for bad input (models of different targets or tasks, no labelled rows, a bad setting).
struct CompareCommand: LabCommand, TopLevelCommand {
    static let helpGroup = HelpGroup.sandboxAndEngine

    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare a challenger model with the champion on the same labelled rows, with a paired test.",
        discussion: """
            Classifiers: accuracy, with McNemar's exact test on the rows only one model gets right \
            (b: only the champion, c: only the challenger) and the 95 % interval of (c − b)/n. \
            Regressors: mean absolute error, with the paired t-test on each row's absolute errors. \
            The challenger is better when its lead is significant (p < alpha) and at least \
            --min-improvement, worse when it is significantly behind, and otherwise inconclusive. \
            Exits 0 whatever the decision.
            """)

    @Argument(
        help: ArgumentHelp("The model in production (a file written by `train --out`).", valueName: "champion.json"))
    var champion: String

    @Argument(help: ArgumentHelp("The model that would replace it.", valueName: "challenger.json"))
    var challenger: String

    @Argument(help: ArgumentHelp("Labelled data with both models' features and target.", valueName: "data.csv"))
    var data: String

    @Option(help: ArgumentHelp("accuracy (classifiers, the default) or mae (regressors, the default).", valueName: "m"))
    var metric: String?

    @Option(help: ArgumentHelp("The smallest lead worth a change, in the metric's units.", valueName: "x"))
    var minImprovement = 0.0

    @Option(help: ArgumentHelp("The significance level: a lead counts when p is below it.", valueName: "a"))
    var alpha = 0.05

    func run(in session: LabSession) throws -> Int32 {
        // Settings first: a typo should not wait for two models to score a large file.
        let rule = try ComparisonRule(alpha: alpha, minImprovement: minImprovement)
        let metric = try metric.map(ComparisonMetric.named)
        let first = try TrainedModel.open(session.userPath(champion), named: champion)
        let second = try TrainedModel.open(session.userPath(challenger), named: challenger)
        let table = try CSVReader.read(file: session.userPath(data), named: data)
        let report = try ComparisonReport.compare(
            champion: first, challenger: second, names: (champion, challenger), on: table, metric: metric, rule: rule)
        if session.wantsJSON {
            try session.console.json(report)
        } else {
            session.console.line(report.render(session.style))
        }
        return 0
    }
}
