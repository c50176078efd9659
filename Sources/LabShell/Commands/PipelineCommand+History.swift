import ArgumentParser
import Foundation
import LabSupport
import PipelineEngine

extension PipelineCommand {
    /// `pipeline runs`: every run with its cost, savings and the key metric's trend.
    struct Runs: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "runs", abstract: "List the pipeline runs with cost, cache savings and the key metric's trend."
        )
        static var completion: CommandCompletion { CommandCompletion(values: .none) }

        func run(in session: LabSession) throws -> Int32 {
            let runs = try PipelineHistory(state: session.workspace().state).runs()
            if session.wantsJSON {
                try session.console.json(runs)
            } else if runs.isEmpty {
                session.console.line("No pipeline runs yet; `pipeline run` makes one.")
            } else {
                session.console.line(PipelineRendering.runs(runs, session.style))
            }
            return 0
        }
    }

    /// `pipeline diff [RUN_A] [RUN_B]`: dependency files, params and metrics that changed between two runs.
    struct Diff: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Compare data, params and metrics of two runs (default: the last two).",
            discussion: "Runs are named by number (`3` or `#3`), `latest`, or `latest~1` for the one before.")

        @Argument(help: "The older run (default: the one before RUN_B).")
        var old: String?
        @Argument(help: "The newer run (default: the latest).")
        var new: String?
        @Flag(help: "Show unchanged dependency files, params and metrics too.")
        var all = false

        static var completion: CommandCompletion {
            CommandCompletion(
                values: .dynamic { session in
                    ((try? PipelineHistory(state: session.workspace().state).runs()) ?? []).map { "\($0.id)" } + [
                        "latest"
                    ]
                })
        }

        func run(in session: LabSession) throws -> Int32 {
            let history = PipelineHistory(state: try session.workspace().state)
            let runs = try history.runs()
            let newID = try history.runID(new ?? "latest", among: runs)
            let oldID: Int
            if let old {
                oldID = try history.runID(old, among: runs)
            } else {
                guard let previous = runs.last(where: { $0.id < newID }) else {
                    throw LabError(
                        .pipelineNoRuns, "run #\(newID) is the first run; there is nothing before it to compare with"
                    )
                }
                oldID = previous.id
            }
            guard let a = runs.first(where: { $0.id == oldID }), let b = runs.first(where: { $0.id == newID }) else {
                return 2
            }
            let diff = try history.diff(a, b, all: all)
            if session.wantsJSON {
                try session.console.json(diff)
            } else {
                session.console.line(PipelineRendering.diff(diff, session.style))
            }
            return 0
        }
    }

    /// `pipeline export --format github-actions|gitlab-ci|dvc [--out DIR] [FILE]`.
    struct Export: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the pipeline as a GitHub Actions workflow, a GitLab CI/CD pipeline or a DVC project.",
            discussion: """
                github-actions writes .github/workflows/cicdlab.yml; gitlab-ci writes .gitlab-ci.yml; \
                dvc writes dvc.yaml and params.yaml. \
                Files go under --out (default: the workspace).
                """)

        @Option(help: ArgumentHelp("github-actions, gitlab-ci or dvc.", valueName: "format"))
        var format: String
        @Option(help: ArgumentHelp("The folder to write into (default: the workspace).", valueName: "dir"))
        var out: String?
        @Argument(help: "The pipeline file (default: pipeline.yaml in your workspace).")
        var file: String?

        static var completion: CommandCompletion {
            CommandCompletion(values: .words(PipelineExport.Format.allCases.map(\.rawValue)))
        }

        func run(in session: LabSession) throws -> Int32 {
            guard let chosen = PipelineExport.Format(rawValue: format) else {
                let names = PipelineExport.Format.allCases.map(\.rawValue)
                var message = "--format is '\(format)'; expected \(listing(names, or: true))"
                if let guess = closestMatch(to: format, among: names) { message += ". Did you mean '\(guess)'?" }
                throw LabError(.usageBadFormat, message)
            }
            let (workspace, pipeline) = try session.pipeline(file)
            let runner = PipelineRunner(workspace: workspace, pipeline: pipeline, executors: .standard())
            let paramsPath = try workspace.paths.resolve(pipeline.params.file)
            let paramsText = FileManager.default.contents(atPath: paramsPath).map {
                String(decoding: $0, as: UTF8.self)
            }
            let files = try PipelineExport.files(
                chosen, pipeline: pipeline, paramsText: paramsText, version: cicdlabVersion,
                leaveOut: runner.notRunnable())
            let folder = try out.map { try session.userPath($0) } ?? workspace.root
            var written: [String] = []
            for file in files {
                let path = folder + "/" + file.path
                try RegularFile.checkWritable(path)
                // params.yaml exported into the workspace is the workspace's own file.
                if FileManager.default.contents(atPath: path) == Data(file.contents.utf8) {
                    written.append(path)
                    continue
                }
                // Into the workspace (no --out), written through its descriptor, never through a link.
                if out == nil {
                    try workspace.files.write(Data(file.contents.utf8), to: path, permissions: 0o644)
                    written.append(path)
                    continue
                }
                try FileSystemFailure.performing(.write, path: path) {
                    try FileManager.default.createDirectory(
                        atPath: (path as NSString).deletingLastPathComponent,
                        withIntermediateDirectories: true)
                    try Data(file.contents.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                }
                written.append(path)
            }
            if session.wantsJSON {
                try session.console.json(
                    ExportReport(format: chosen.rawValue, files: written, leftOut: runner.notRunnable()))
            } else {
                for path in written { session.console.line("Wrote \(path)") }
                for (name, reason) in runner.notRunnable().sorted(by: { $0.key < $1.key }) {
                    session.console.line(session.style.dim("Left out \(name): \(reason)."))
                }
            }
            return 0
        }
    }
}

/// `pipeline export --json`: what was written, and which stages were left out and why.
struct ExportReport: Encodable {
    var format: String
    var files: [String]
    var leftOut: [String: String]
}
