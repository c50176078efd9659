import ArgumentParser
import PipelineEngine

/// `data profile|validate|diff|leakage`: look at a dataset, check it against a suite, compare two,
/// look for leakage between a training and a test file.
///
/// Paths are the user's: in the REPL they resolve against the sandbox workspace, from the shell
/// against the current directory; messages name files as they were typed.
struct DataCommand: TopLevelCommand {
    static let helpGroup = HelpGroup.sandboxAndEngine

    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Profile, validate and compare CSV data, and look for leakage.",
        subcommands: [Profile.self, Validate.self, Diff.self, Leakage.self])

    /// `data profile CSV`: types, nulls, distinct values, ranges and histograms per column.
    struct Profile: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "profile", abstract: "Describe each column of a CSV file: type, nulls, range, spread.")

        @Argument(help: ArgumentHelp("The CSV file.", valueName: "csv"))
        var csv: String

        func run(in session: LabSession) throws -> Int32 {
            let profile = DataProfile(try CSVReader.read(file: session.userPath(csv), named: csv))
            if session.wantsJSON {
                try session.console.json(profile)
            } else {
                session.console.line(profile.render(session.style))
            }
            return 0
        }
    }

    /// `data validate CSV --suite SUITE`: every expectation of the suite, checked; exit 1 when
    /// one fails.
    struct Validate: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check a CSV file against an expectation suite (exit 1 if an expectation fails).")

        @Argument(help: ArgumentHelp("The CSV file.", valueName: "csv"))
        var csv: String

        @Option(help: ArgumentHelp("The expectation suite (YAML).", valueName: "suite"))
        var suite: String

        func run(in session: LabSession) throws -> Int32 {
            // The suite first: a typo in it should not wait for a large file to load.
            let expectations = try ExpectationSuite.load(file: session.userPath(suite), named: suite)
            let report = expectations.validate(try CSVReader.read(file: session.userPath(csv), named: csv))
            if session.wantsJSON {
                try session.console.json(report)
            } else {
                session.console.line(report.render(session.style))
            }
            return report.success ? 0 : 1
        }
    }

    /// `data diff A B`: schema and statistics of B compared with A.
    struct Diff: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff", abstract: "Compare two CSV files: columns, types, nulls, means, categories.")

        @Argument(help: ArgumentHelp("The reference CSV file.", valueName: "a"))
        var reference: String

        @Argument(help: ArgumentHelp("The current CSV file.", valueName: "b"))
        var current: String

        func run(in session: LabSession) throws -> Int32 {
            let diff = DataDiff(
                reference: try CSVReader.read(file: session.userPath(reference), named: reference),
                current: try CSVReader.read(file: session.userPath(current), named: current))
            if session.wantsJSON {
                try session.console.json(diff)
            } else {
                session.console.line(diff.render(session.style))
            }
            return 0
        }
    }

    /// `data leakage TRAIN TEST --target COL`: rows, ids and features that leak between a
    /// training and a test file, and test rows older than the training data; exit 1 when any leak.
    struct Leakage: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "leakage",
            abstract: "Look for leakage between a training and a test file (exit 1 if any is found).")

        @Argument(help: ArgumentHelp("The training CSV file.", valueName: "train"))
        var train: String

        @Argument(help: ArgumentHelp("The test CSV file.", valueName: "test"))
        var test: String

        @Option(help: ArgumentHelp("The target column.", valueName: "column"))
        var target: String

        @Option(help: ArgumentHelp("A column that identifies rows, to find ids in both files.", valueName: "column"))
        var id: String?

        @Option(
            help: ArgumentHelp("A time column (dates, date-times or numbers), to check the order.", valueName: "column")
        )
        var time: String?

        func run(in session: LabSession) throws -> Int32 {
            let report = try LeakageReport(
                train: try CSVReader.read(file: session.userPath(train), named: train),
                test: try CSVReader.read(file: session.userPath(test), named: test),
                target: target, id: id, time: time)
            if session.wantsJSON {
                try session.console.json(report)
            } else {
                session.console.line(report.render(session.style))
            }
            return report.leakageFound ? 1 : 0
        }
    }
}
