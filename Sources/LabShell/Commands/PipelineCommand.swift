import ArgumentParser
import Foundation
import LabSupport
import PipelineEngine

/// `pipeline run|status|dag|diff|runs|export`: the workspace's ML pipeline.
struct PipelineCommand: TopLevelCommand {
    static let helpGroup = HelpGroup.sandboxAndEngine

    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Run the pipeline with caching, see what is stale, its graph, history and diffs, or export it.",
        subcommands: [Run.self, Status.self, Dag.self, Diff.self, Runs.self, Export.self],
        defaultSubcommand: Status.self)

    /// Stage names of the default pipeline (for `--stage`) and the YAML files beside it.
    static let stageCompletion = CompletionSource.dynamic { session in
        let stages = (try? session.pipeline(nil).1.order) ?? []
        let root = (try? session.workspace().root) ?? ""
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter {
            $0.hasSuffix(".yaml")
        }
        return stages + files.sorted()
    }

    /// `pipeline run [FILE] [--force] [--stage NAME [--only]]`.
    struct Run: LabCommand {
        /// The command's name, abstract and the one setting that makes a rerun cheaper.
        ///
        /// `_superCommandName` changes one thing: when ``Dispatcher/parseLeaf(_:)`` parses with
        /// this type alone, ArgumentParser skips its search for `--generate-completion-script`,
        /// a fifth of a millisecond of every rerun in CI. Help, errors and completion scripts
        /// still come from the root parse, which this setting does not touch.
        static let configuration = CommandConfiguration(
            commandName: "run", _superCommandName: "cicdlab",
            abstract:
                "Run the stages whose inputs changed; reuse the cache for the rest (exit 1 if a stage or gate fails).")

        @Argument(help: "The pipeline file (default: pipeline.yaml in your workspace).")
        var file: String?
        @Flag(
            help:
                "Run every stage even if its inputs are unchanged; a deploy stage ships even a candidate the comparison with the champion declines (audited)."
        )
        var force = false
        @Option(help: ArgumentHelp("Run only this stage and the stages it needs.", valueName: "name"))
        var stage: String?
        @Flag(
            help: """
                With --stage: run that stage alone, reading the results of the stages it needs from \
                .lab/results/ (as a CI job downloads them) instead of running them.
                """)
        var only = false

        static var completion: CommandCompletion {
            CommandCompletion(values: PipelineCommand.stageCompletion)
        }

        /// The live line that redraws a stage's progress.
        ///
        /// The note names the stage's data, a path from the pipeline file, so its control
        /// characters are escaped. On a terminal of known `columns` the note is cut with `…` to
        /// keep the line on one row: a line that wrapped could not be redrawn in place, and the
        /// full path is in the stage's result line.
        static func progressLine(
            _ name: String, nameWidth: Int, fraction: Double?, note: String, columns: Int? = nil
        ) -> String {
            let bar = fraction.map { Charts.bar($0, width: 20) + String(format: " %3.0f%%", $0 * 100) } ?? ""
            let head = "  … \(pad(name.terminalSafe, nameWidth))  \(pad(bar, 25)) "
            var tail = note.terminalSafe
            if let columns {
                let room = max(0, columns - 1 - displayWidth(head))
                if displayWidth(tail) > room {
                    var cut = ""
                    for character in tail {
                        if displayWidth(cut + String(character)) > room - 1 { break }
                        cut.append(character)
                    }
                    tail = room > 0 ? cut + "…" : ""
                }
            }
            return "\r\u{1B}[2K" + head + tail
        }

        func run(in session: LabSession) throws -> Int32 {
            if only, stage == nil {
                throw LabError(
                    .usageOnlyWithoutStage,
                    "--only runs one stage on its own, reading the results of the stages it needs; "
                        + "name it with --stage NAME")
            }
            let (workspace, pipeline) = try session.pipeline(file, writes: true)
            // Taken before anything is printed, so a run refused for another in progress says
            // only why; the runner holds it again (re-entrant) for the run itself.
            let hold = try WorkspaceLock.acquire(workspace, for: "pipeline run")
            defer { hold.release() }
            var runner = PipelineRunner(
                workspace: workspace, pipeline: pipeline, executors: .standard(forceDeploy: force))
            if only, let stage { try runner.checkUpstream(of: stage) }
            runner.actor = session.actor(in: workspace)
            runner.recordsRepeatedNoOps = session.isLessonSandbox(workspace)
            let style = session.style
            let nameWidth = pipeline.order.map(\.count).max() ?? 8
            let live = !session.wantsJSON && isatty(STDOUT_FILENO) == 1
            if !session.wantsJSON {
                var header = style.bold("Pipeline \(pipeline.file)") + style.dim(" · \(pipeline.order.count) stages")
                if only, let stage {
                    // Says where the stages before it come from: their result files, not a run.
                    let before = pipeline.order.filter(
                        Set(PipelineGraph(pipeline.stages).ancestors(of: stage)).contains)
                    header += style.dim(
                        " · \(stage) alone"
                            + (before.isEmpty ? "" : ", on the results of \(before.joined(separator: ", "))"))
                }
                session.console.line(header)
                runner.observer = { event in
                    switch event {
                    case .stageStarted(let name, _, let index, let total):
                        if live { session.console.write("  … \(pad(name, nameWidth))  running (\(index)/\(total))") }
                    case .stageProgress(let name, let fraction, let note):
                        guard live else { return }
                        session.console.write(
                            Self.progressLine(
                                name, nameWidth: nameWidth, fraction: fraction, note: note, columns: style.columns))
                    case .stageFinished(let report):
                        if live { session.console.write("\r\u{1B}[2K") }
                        session.console.line(PipelineRendering.stage(report, nameWidth: nameWidth, style))
                    }
                }
            }
            let report =
                if only, let stage { try runner.runAlone(stage, force: force) } else {
                    try runner.run(force: force, only: stage)
                }
            if session.wantsJSON {
                try session.console.json(report)
            } else {
                session.console.line(PipelineRendering.summary(report, style))
            }
            return report.status == .passed ? 0 : 1
        }
    }

    /// `pipeline status [FILE]`: which stages are stale and why.
    struct Status: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "status", abstract: "Show which stages would run and why (nothing is run).")

        @Argument(help: "The pipeline file (default: pipeline.yaml in your workspace).")
        var file: String?

        func run(in session: LabSession) throws -> Int32 {
            let (workspace, pipeline) = try session.pipeline(file)
            let stages = try PipelineRunner(workspace: workspace, pipeline: pipeline, executors: .standard()).status()
            if session.wantsJSON {
                try session.console.json(PipelineStatusReport(pipeline: pipeline.file, stages: stages))
            } else {
                session.console.line(PipelineRendering.status(stages, pipeline: pipeline.file, session.style))
            }
            return 0
        }
    }

    /// `pipeline dag [FILE]`: the stage graph.
    struct Dag: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "dag", abstract: "Draw the pipeline's stage graph.")

        @Argument(help: "The pipeline file (default: pipeline.yaml in your workspace).")
        var file: String?

        func run(in session: LabSession) throws -> Int32 {
            let pipeline = try session.pipelineDefinition(file)
            let stages = pipeline.order.compactMap { pipeline.stage($0) }
            if session.wantsJSON {
                try session.console.json(
                    stages.map { DagNode(name: $0.name, kind: $0.kind.rawValue, needs: $0.upstream) })
                return 0
            }
            let label = { (stage: StageDefinition) in
                stage.kind.rawValue == stage.name ? stage.name : "\(stage.name) (\(stage.kind.rawValue))"
            }
            if let drawing = DagDrawing.draw(stages, label: label, width: session.style.width) {
                session.console.line(drawing)
            } else {
                for stage in stages {
                    session.console.line(
                        stage.upstream.isEmpty
                            ? label(stage) : "\(stage.upstream.joined(separator: ", ")) → \(label(stage))")
                }
            }
            return 0
        }
    }
}

/// `pipeline status --json`.
struct PipelineStatusReport: Encodable {
    var pipeline: String
    var stages: [StageStatus]
}

/// One stage of `pipeline dag --json`.
struct DagNode: Encodable {
    var name: String
    var kind: String
    var needs: [String]
}
