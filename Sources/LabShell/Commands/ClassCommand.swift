import ArgumentParser
import Course
import Foundation
import LabSupport

/// `class report EXPORT.json... [--html FILE]`: a teacher's view of a class, from the learners'
/// progress exports.
struct ClassCommand: TopLevelCommand {
    static let helpGroup = HelpGroup.authoring

    static let configuration = CommandConfiguration(
        commandName: "class", abstract: "Look at a class: mastery and an item analysis of the quiz questions.",
        subcommands: [Report.self])

    /// `class report`: mastery per learner and concept, and classical item analysis per question.
    struct Report: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Report on a class from its learners' `export progress --format json` files.",
            discussion: """
                Give one export per learner. Questions come from the course content (--content). \
                Each question is analysed on each learner's first attempt (a skip scores 0): \
                facility (share right), discrimination (point-biserial correlation with the score \
                on the other questions), the upper-lower index (27 % groups) and, for choice \
                questions, the share choosing each option. Questions answered by fewer than 5 \
                learners are shown but not flagged.
                """)

        @Argument(help: ArgumentHelp("Learners' progress exports, one per learner.", valueName: "export.json"))
        var exports: [String] = []

        @Option(help: ArgumentHelp("Also write the report as one self-contained HTML file.", valueName: "file"))
        var html: String?

        static var completion: CommandCompletion { CommandCompletion(values: .files) }

        func run(in session: LabSession) throws -> Int32 {
            guard !exports.isEmpty else {
                throw LabError(
                    .classNoExports,
                    "no export files given; expected one `export progress --format json` file per learner")
            }
            let learners = try exports.map { typed in
                guard let data = try RegularFile.contents(atPath: session.userPath(typed), named: typed) else {
                    throw LabError(
                        .fileNotFound, "no such file; expected a learner's `export progress --format json` file",
                        file: typed)
                }
                return try LearnerExport.parse(data, file: typed)
            }
            let bank = try QuestionBank.load(from: session.catalog())
            let report = try ClassReport.build(exports: learners, questions: bank.questions)
            if let html {
                let path = try session.outputPath(html, option: "--html")
                try session.writeOutput(
                    Data(ClassReportPage.render(report).utf8), to: path, typed: html, makingFolder: false)
            }
            if session.wantsJSON {
                try session.console.json(report)
            } else {
                session.console.line(report.render(session.style))
                if let html {
                    session.console.line(
                        "\nWrote the class report to \(try session.outputPath(html, option: "--html")).")
                }
            }
            return 0
        }
    }
}
