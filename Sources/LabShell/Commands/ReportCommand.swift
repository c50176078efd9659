import ArgumentParser
import Course
import Foundation
import LabSupport
import PipelineEngine

/// `report run|drift|progress --html FILE`: a self-contained HTML page to open in a browser or
/// share; `--json` prints the figures the page shows as well.
struct ReportCommand: TopLevelCommand {
    static let helpGroup = HelpGroup.sandboxAndEngine

    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a pipeline run, a drift comparison or your progress as one HTML file.",
        discussion: """
            The page is one file with its charts drawn in SVG: no scripts, fonts or network, light or \
            dark as the browser is set, and every chart's numbers in a table beneath it.
            """,
        subcommands: [Run.self, Drift.self, Progress.self])

    /// `report run [RUN] --html FILE`.
    struct Run: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "A pipeline run: the stage graph, each stage's status, time and cost, gates, metrics over runs.",
            discussion: "RUN is a number (`3` or `#3`), `latest` (the default) or `latest~1`.")

        @Argument(help: "The run (default: the latest).")
        var run: String?
        @Option(help: ArgumentHelp("The HTML file to write.", valueName: "file"))
        var html: String

        func run(in session: LabSession) throws -> Int32 {
            let workspace = try session.workspace()
            let history = PipelineHistory(state: workspace.state)
            let data = try RunReportData.build(history, reference: run ?? "latest") { file in
                try? PipelineLoader.load(file, paths: workspace.paths)
            }
            return try ReportCommand.write(
                RunReportPage.render(data), data: data, to: html, what: "run #\(data.run.id)", session)
        }
    }

    /// `report drift REF.csv CUR.csv --html FILE [--method M]`.
    struct Drift: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "drift",
            abstract: "Drift of CUR from REF per column, drifted columns first, with both distributions drawn.")

        @Argument(help: ArgumentHelp("The reference CSV file.", valueName: "ref"))
        var reference: String
        @Argument(help: ArgumentHelp("The current CSV file.", valueName: "cur"))
        var current: String
        @Option(help: ArgumentHelp("The HTML file to write.", valueName: "file"))
        var html: String
        @Option(
            help: ArgumentHelp("auto, psi, ks, wasserstein, jensenshannon, chisquare or ztest.", valueName: "method"))
        var method = "auto"

        func run(in session: LabSession) throws -> Int32 {
            let options = DriftOptions(method: try DriftMethod.parse(method), threshold: nil)
            let ref = try CSVReader.read(file: session.userPath(reference), named: reference)
            let cur = try CSVReader.read(file: session.userPath(current), named: current)
            let report = try DriftDetector.compare(reference: ref, current: cur, options: options)
            return try ReportCommand.write(
                DriftReportPage.render(report, reference: reference, current: current), data: report, to: html,
                what: "drift of \(current)", session)
        }
    }

    /// `report progress --html FILE`.
    struct Progress: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "progress",
            abstract: "Your lessons, steps, quiz history, mastery per concept and review forecast.")

        @Option(help: ArgumentHelp("The HTML file to write.", valueName: "file"))
        var html: String

        func run(in session: LabSession) throws -> Int32 {
            let data = ProgressReportData(try ProgressCommand.report(session))
            return try ReportCommand.write(
                ProgressReportPage.render(data), data: data, to: html, what: "progress of \(data.progress.profile)",
                session)
        }
    }

    /// Writes `page` to the file the user typed, then prints `data` with `--json`, else where it went.
    static func write(
        _ page: String, data: some Encodable, to typed: String, what: String, _ session: LabSession
    ) throws -> Int32 {
        let path = try session.outputPath(typed)
        let bytes = Data(page.utf8)
        try session.writeOutput(bytes, to: path, typed: typed, makingFolder: false)
        if session.wantsJSON {
            try session.console.json(data)
        } else {
            session.console.line(
                "Wrote the report of \(what) to \(path) (\(ByteCountFormatter.string(fromByteCount: Int64(bytes.count), countStyle: .file)))."
            )
        }
        return 0
    }
}
