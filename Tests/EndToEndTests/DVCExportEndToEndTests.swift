import Foundation
import Testing

/// The DVC export run for real, on a fresh clone.
///
/// `dvc repro` runs in a `git clone` of a project holding only the sandbox's sources and the
/// export (no `.lab`), with the built cicdlab on PATH and an empty lab home. Each stage's work runs once, a second repro is up to date, `dvc params diff` and
/// `dvc metrics diff` show the params and the small metrics files, and `dvc dag` draws the
/// graph of `pipeline dag`.
@Suite struct DVCExportEndToEndTests {
    static let stages = ["validate", "train", "evaluate", "gate", "deploy"]

    /// A temporary folder holding the exported project (`source`), its clone and the lab homes.
    struct Project {
        let root: String
        /// The lab home whose sandbox the sources and the export come from.
        let labHome: String
        /// The home of the runs in the clone: CICDLAB_HOME, HOME and DVC's site cache.
        let home: String
        let source: String
        let clone: String
        let pipeline: String

        /// Makes the project: the sandbox's sources with the pipeline saved as `pipeline`, the DVC
        /// export of it, `git init`, `dvc init`, a commit, and a `git clone` of it.
        init(pipeline: String = "pipeline.yaml") throws {
            self.pipeline = pipeline
            root = try Binary.temporaryHome()
            labHome = root + "/lab-home"
            home = root + "/home"
            source = root + "/source"
            clone = root + "/clone"
            for folder in [labHome, home, source] {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            let sandbox = try Binary.run(["--content", Binary.repository, "sandbox", "path"], home: labHome).stdout
                .trimmingCharacters(in: .newlines)
            for file in ["params.yaml", "gates.yaml", "data", "suites"] {
                try FileManager.default.copyItem(atPath: sandbox + "/" + file, toPath: source + "/" + file)
            }
            try FileManager.default.copyItem(atPath: sandbox + "/pipeline.yaml", toPath: source + "/" + pipeline)
            if pipeline != "pipeline.yaml" {
                try FileManager.default.copyItem(atPath: sandbox + "/pipeline.yaml", toPath: sandbox + "/" + pipeline)
            }
            let export = try Binary.run(
                ["--content", Binary.repository, "pipeline", "export", "--format", "dvc", "--out", source, pipeline],
                home: labHome, directory: sandbox)
            #expect(export.status == 0, "export: \(export.stderr)")
            try DVCExportEndToEndTests.expectSuccess(run("git", ["init", "-q"], in: source))
            try DVCExportEndToEndTests.expectSuccess(run("dvc", ["init", "-q"], in: source))
            try DVCExportEndToEndTests.expectSuccess(run("git", ["add", "-A"], in: source))
            try DVCExportEndToEndTests.expectSuccess(
                run("git", ["commit", "-q", "-m", "The exported project"], in: source))
            try DVCExportEndToEndTests.expectSuccess(run("git", ["clone", "-q", source, clone], in: root))
            // DVC keeps an index under /var/tmp unless told otherwise: here, the temporary home.
            try DVCExportEndToEndTests.expectSuccess(
                run("dvc", ["config", "--local", "core.site_cache_dir", home + "/dvc-site-cache"], in: clone))
        }

        /// Runs git, dvc or cicdlab in `folder` with the built cicdlab first on PATH, the home as
        /// CICDLAB_HOME and HOME, and a fixed author for commits.
        func run(_ tool: String, _ arguments: [String], in folder: String) throws -> Binary.Result {
            let executable = tool == "cicdlab" ? Binary.path : try ExternalTool.require(tool)
            let bin = (Binary.path as NSString).deletingLastPathComponent
            return try Binary.run(
                arguments, home: home,
                environment: [
                    "PATH": bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
                    "HOME": home, "XDG_CONFIG_HOME": home + "/.config", "XDG_CACHE_HOME": home + "/.cache",
                    "DVC_NO_ANALYTICS": "1", "DVC_NO_UPDATE_CHECK": "1", "GIT_AUTHOR_NAME": "Lab Test",
                    "GIT_AUTHOR_EMAIL": "lab@example.com", "GIT_COMMITTER_NAME": "Lab Test",
                    "GIT_COMMITTER_EMAIL": "lab@example.com", "GIT_CONFIG_NOSYSTEM": "1",
                ],
                directory: folder, executable: executable)
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    static func expectSuccess(_ result: Binary.Result, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)", sourceLocation: sourceLocation)
    }

    /// How many times each stage's work ran in `output`: cicdlab's `✓ NAME  ran` lines.
    static func workRuns(_ output: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for line in output.split(separator: "\n") {
            let words = line.split(separator: " ")
            guard words.count >= 3, words[0] == "✓", words[2] == "ran" else { continue }
            counts[String(words[1]), default: 0] += 1
        }
        return counts
    }

    /// The edges `a -> b` of `dvc dag --dot`.
    static func dotEdges(_ dot: String) -> Set<String> {
        Set(
            dot.split(separator: "\n").compactMap { line in
                let parts = line.replacingOccurrences(of: "\"", with: "").replacingOccurrences(of: ";", with: "")
                    .components(separatedBy: " -> ")
                return parts.count == 2 ? "\(parts[0].trimmingCharacters(in: .whitespaces)) -> \(parts[1])" : nil
            })
    }

    @Test(.enabled(if: ExternalTool.usable("dvc", "git"), ExternalTool.skipNote("dvc", "git")))
    func dvcReproOnAFreshCloneRunsEachStageOnceAndThenIsUpToDate() throws {
        let project = try Project()
        defer { project.remove() }
        let clone = project.clone
        #expect(!FileManager.default.fileExists(atPath: clone + "/.lab"), "a clone has no lab state")

        let first = try project.run("dvc", ["repro"], in: clone)
        Self.expectSuccess(first)
        let everyStageOnce = Dictionary(uniqueKeysWithValues: Self.stages.map { ($0, 1) })
        #expect(Self.workRuns(first.stdout) == everyStageOnce, "\(first.stdout)")
        #expect(!first.stdout.contains("↺"), "no stage reports another's work, even from the cache")
        #expect(
            first.stderr.contains("note: no .lab folder above pipeline.yaml; keeping this folder's pipeline state in "),
            "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: clone + "/.lab/results/deploy.json"))

        let second = try project.run("dvc", ["repro"], in: clone)
        Self.expectSuccess(second)
        #expect(second.stdout.contains("Data and pipelines are up to date."), "\(second.stdout)")
        #expect(!second.stdout.contains("Running stage"), "\(second.stdout)")
        #expect(Self.workRuns(second.stdout).isEmpty)

        // Record the run as DVC asks, so HEAD has metrics to compare with.
        try Self.expectSuccess(
            project.run("git", ["add", "dvc.lock", "models/.gitignore", ".lab/results", ".lab/metrics"], in: clone))
        try Self.expectSuccess(project.run("git", ["commit", "-q", "-m", "First run"], in: clone))

        let params = try String(contentsOfFile: clone + "/params.yaml", encoding: .utf8)
        try params.replacingOccurrences(of: "  C: 1.0\n", with: "  C: 0.1\n")
            .write(toFile: clone + "/params.yaml", atomically: true, encoding: .utf8)
        let paramsDiff = try project.run("dvc", ["params", "diff"], in: clone)
        Self.expectSuccess(paramsDiff)
        #expect(
            paramsDiff.stdout.split(separator: "\n").contains {
                $0.split(separator: " ") == ["params.yaml", "train.C", "1.0", "0.1"]
            }, "\(paramsDiff.stdout)")

        let third = try project.run("dvc", ["repro"], in: clone)
        Self.expectSuccess(third)
        #expect(
            Self.workRuns(third.stdout) == ["train": 1, "evaluate": 1, "gate": 1, "deploy": 1], "\(third.stdout)")
        #expect(third.stdout.contains("Stage 'validate' didn't change, skipping"), "\(third.stdout)")

        let metricsDiff = try project.run("dvc", ["metrics", "diff"], in: clone)
        Self.expectSuccess(metricsDiff)
        let rows = metricsDiff.stdout.split(separator: "\n").dropFirst()
        #expect(!rows.isEmpty && rows.count <= 12, "a small table: \(metricsDiff.stdout)")
        #expect(rows.contains { $0.hasPrefix(".lab/metrics/evaluate.json  accuracy ") }, "\(metricsDiff.stdout)")
        #expect(!metricsDiff.stdout.contains("slices"), "no per-slice table")

        let dot = try project.run("dvc", ["dag", "--dot"], in: clone)
        Self.expectSuccess(dot)
        let dag = try project.run("cicdlab", ["pipeline", "dag", "pipeline.yaml", "--json"], in: clone)
        Self.expectSuccess(dag)
        let nodes = try #require(try JSONSerialization.jsonObject(with: Data(dag.stdout.utf8)) as? [[String: Any]])
        let edges = nodes.flatMap { node in
            (node["needs"] as? [String] ?? []).map { "\($0) -> \(node["name"] as? String ?? "")" }
        }
        #expect(edges.count == 4)
        #expect(Self.dotEdges(dot.stdout) == Set(edges), "\(dot.stdout)")

        // Nothing was written outside the clone and the run's home.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: project.root).sorted() == [
                "clone", "home", "lab-home", "source",
            ])
        // `dvc init` leaves its own ignored .dvc/tmp; the source gains nothing else.
        #expect(
            try project.run("git", ["status", "--porcelain", "--ignored"], in: project.source).stdout
                == "!! .dvc/tmp/\n")
        #expect(!FileManager.default.fileExists(atPath: project.source + "/.lab"))
        let sandbox = try Binary.run(["--content", Binary.repository, "sandbox", "path"], home: project.labHome)
            .stdout.trimmingCharacters(in: .newlines)
        #expect(
            ((try? FileManager.default.contentsOfDirectory(atPath: sandbox + "/.lab/results")) ?? []).isEmpty,
            "the lab's own sandbox ran nothing")
    }

    @Test(.enabled(if: ExternalTool.usable("dvc", "git"), ExternalTool.skipNote("dvc", "git")))
    func aPipelineFileNamedLikeAShellCommandRunsUnderDVCAndNeverRunsIt() throws {
        let name = "my 'p' $(touch pwned).yaml"
        let project = try Project(pipeline: name)
        defer { project.remove() }
        let dvcYAML = try String(contentsOfFile: project.clone + "/dvc.yaml", encoding: .utf8)
        #expect(
            dvcYAML.contains(
                "    cmd: cicdlab pipeline run 'my '\\''p'\\'' $(touch pwned).yaml' --stage train --only\n"))
        let repro = try project.run("dvc", ["repro"], in: project.clone)
        Self.expectSuccess(repro)
        #expect(Self.workRuns(repro.stdout) == Dictionary(uniqueKeysWithValues: Self.stages.map { ($0, 1) }))
        #expect(repro.stdout.contains("Pipeline \(name) · 5 stages"), "\(repro.stdout)")
        for folder in [project.clone, project.root, project.home] {
            #expect(!FileManager.default.fileExists(atPath: folder + "/pwned"), "the substitution ran in \(folder)")
        }
    }
}
