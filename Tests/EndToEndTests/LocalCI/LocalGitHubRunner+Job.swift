import Foundation

extension LocalGitHubRunner {
    /// One job being played: its folders, environment and step outputs.
    struct JobContext {
        let runner: LocalGitHubRunner
        let run: Int
        let runFolder: String
        /// The job's own folder: `workspace` (GITHUB_WORKSPACE), `temp` (RUNNER_TEMP), files.
        let folder: String
        /// The folder holding the `gh` stand-in.
        let shim: String

        var workspace: String { folder + "/workspace" }
        var temp: String { folder + "/temp" }

        /// Plays the job's steps in order; the first failing step fails the job.
        func play(name: String, job: [String: Any], workflowEnv: [String: Any]) throws -> JobResult {
            for path in [workspace, temp, folder + "/home"] {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            }
            for file in ["path", "env", "output"] {
                try "".write(toFile: folder + "/" + file, atomically: true, encoding: .utf8)
            }
            var state = StepState()
            var env: [String: String] = [:]
            for (key, value) in workflowEnv { env[key] = try expand("\(value)", state) }
            for (key, value) in (job["env"] as? [String: Any]) ?? [:] { env[key] = try expand("\(value)", state) }
            state.env = env
            var log = ""
            for (index, raw) in ((job["steps"] as? [Any]) ?? []).enumerated() {
                guard let step = raw as? [String: Any] else {
                    throw Unsupported(description: "step \(index) is not a map")
                }
                let id = step["id"] as? String
                if let condition = step["if"] as? String, try !holds(condition, state) {
                    log += "-- step \(index) skipped (if: \(condition))\n"
                    continue
                }
                log += "-- step \(index): \(step["name"] as? String ?? step["uses"] as? String ?? "run")\n"
                let outcome: (ok: Bool, output: String, outputs: [String: String])
                if id == "build-cicdlab" {
                    outcome = try substituteBuild(step)
                } else if let uses = step["uses"] as? String {
                    outcome = try action(uses, with: (step["with"] as? [String: Any]) ?? [:], state)
                } else if let script = step["run"] as? String {
                    outcome = try shell(script, stepEnv: (step["env"] as? [String: Any]) ?? [:], &state)
                } else {
                    throw Unsupported(description: "step \(index) has neither uses nor run")
                }
                log += outcome.output
                if let id { state.outputs[id] = outcome.outputs }
                if !outcome.ok { return JobResult(name: name, status: .failure, log: log) }
            }
            return JobResult(name: name, status: .success, log: log)
        }

        /// What earlier steps left: outputs by step id, PATH additions and env.
        struct StepState {
            var outputs: [String: [String: String]] = [:]
            var paths: [String] = []
            var env: [String: String] = [:]
        }

        // MARK: Steps

        private func substituteBuild(_ step: [String: Any]) throws -> (
            ok: Bool, output: String, outputs: [String: String]
        ) {
            let script = step["run"] as? String ?? ""
            guard script.hasSuffix("cp /opt/cicdlab/.build/release/cicdlab cicdlab-build/cicdlab\n") else {
                throw Unsupported(description: "the build step no longer ends by copying to cicdlab-build/cicdlab")
            }
            try FileManager.default.createDirectory(
                atPath: workspace + "/cicdlab-build", withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                atPath: runner.binaryFolder + "/cicdlab", toPath: workspace + "/cicdlab-build/cicdlab")
            return (true, "(build replaced by the test's binary)\n", [:])
        }

        private func action(_ uses: String, with inputs: [String: Any], _ state: StepState) throws
            -> (ok: Bool, output: String, outputs: [String: String])
        {
            var with: [String: String] = [:]
            for (key, value) in inputs { with[key] = try expand("\(value)", state) }
            switch uses.split(separator: "@").first.map(String.init) ?? uses {
            case "actions/checkout":
                let clone = try Binary.run(
                    ["clone", "-q", "-b", runner.branch, runner.repository, workspace], executable: "/usr/bin/git")
                return (clone.status == 0, clone.stderr, [:])
            case "actions/cache":
                return (true, "cache miss (caches are cold here)\n", ["cache-hit": "false"])
            case "actions/upload-artifact":
                return try upload(with)
            case "actions/download-artifact":
                return try download(with)
            default:
                throw Unsupported(description: "the local runner does not emulate \(uses)")
            }
        }

        private func upload(_ with: [String: String]) throws -> (ok: Bool, output: String, outputs: [String: String]) {
            guard let name = with["name"], let pathText = with["path"] else {
                throw Unsupported(description: "upload-artifact without name or path")
            }
            let destination = runFolder + "/artifacts/" + name
            if FileManager.default.fileExists(atPath: destination) {
                return (false, "an artifact named \(name) exists already in this run\n", [:])
            }
            let hidden = with["include-hidden-files"] == "true"
            var files: [String] = []
            var roots: [[String]] = []
            for line in pathText.split(separator: "\n").map(String.init) where !line.isEmpty {
                let relative = try literalPath(line)
                let full = workspace + "/" + relative
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else { continue }
                let found =
                    isDirectory.boolValue
                    ? (FileManager.default.subpaths(atPath: full) ?? []).map { relative + "/" + $0 }.filter {
                        var folder: ObjCBool = false
                        return FileManager.default.fileExists(atPath: workspace + "/" + $0, isDirectory: &folder)
                            && !folder.boolValue
                    } : [relative]
                let kept = found.filter { hidden || !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
                files += kept
                let components = relative.split(separator: "/").map(String.init)
                roots.append(isDirectory.boolValue ? components : Array(components.dropLast()))
            }
            if files.isEmpty {
                let mode = with["if-no-files-found"] ?? "warn"
                return (mode != "error", "no files found for artifact \(name)\n", [:])
            }
            // Rooted at the deepest folder every searched path shares, as upload-artifact does.
            var common = roots.first ?? []
            for root in roots.dropFirst() {
                common = Array(zip(common, root).prefix { $0.0 == $0.1 }.map(\.0))
            }
            let prefix = common.isEmpty ? "" : common.joined(separator: "/") + "/"
            for file in orderedUniqueStrings(files) {
                let target = destination + "/" + file.dropFirst(prefix.count)
                try FileManager.default.createDirectory(
                    atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try FileManager.default.copyItem(atPath: workspace + "/" + file, toPath: target)
            }
            return (true, "uploaded \(files.count) files as \(name)\n", [:])
        }

        private func download(_ with: [String: String]) throws -> (ok: Bool, output: String, outputs: [String: String])
        {
            guard let name = with["name"] else { throw Unsupported(description: "download-artifact without a name") }
            let source = runFolder + "/artifacts/" + name
            guard FileManager.default.fileExists(atPath: source) else {
                return (false, "no artifact named \(name) in this run\n", [:])
            }
            let path = with["path"] ?? "."
            let target = path.hasPrefix("/") ? path : workspace + "/" + path
            try LocalCIFiles.copyTree(source, into: target)
            return (true, "downloaded \(name)\n", [:])
        }

        private func shell(_ script: String, stepEnv: [String: Any], _ state: inout StepState) throws
            -> (ok: Bool, output: String, outputs: [String: String])
        {
            var env = state.env
            for (key, value) in stepEnv { env[key] = try expand("\(value)", state) }
            let inherited = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
            env["PATH"] = ([shim] + state.paths.reversed() + [inherited]).joined(separator: ":")
            env["CI"] = "true"
            env["GITHUB_ACTIONS"] = "true"
            env["GITHUB_WORKSPACE"] = workspace
            env["RUNNER_TEMP"] = temp
            env["GITHUB_REF_NAME"] = runner.branch
            env["GITHUB_REF"] = "refs/heads/" + runner.branch
            env["GITHUB_EVENT_NAME"] = runner.event
            env["GITHUB_REPOSITORY"] = "local/repository"
            env["GITHUB_PATH"] = folder + "/path"
            env["GITHUB_ENV"] = folder + "/env"
            env["GITHUB_OUTPUT"] = folder + "/output"
            env["HOME"] = folder + "/home"
            env["LOCAL_GH_STORE"] = runner.store
            env["LOCAL_GH_JQ"] = ExternalTool.path("jq") ?? "jq (not installed)"
            try "".write(toFile: folder + "/output", atomically: true, encoding: .utf8)
            let file = folder + "/step.sh"
            try script.write(toFile: file, atomically: true, encoding: .utf8)
            let result = try Binary.run(
                ["--noprofile", "--norc", "-eo", "pipefail", file], environment: env, directory: workspace,
                executable: "/bin/bash")
            state.paths = try lines(folder + "/path")
            for line in try lines(folder + "/env") {
                if let equals = line.firstIndex(of: "=") {
                    state.env[String(line[..<equals])] = String(line[line.index(after: equals)...])
                }
            }
            var outputs: [String: String] = [:]
            for line in try lines(folder + "/output") {
                if let equals = line.firstIndex(of: "=") {
                    outputs[String(line[..<equals])] = String(line[line.index(after: equals)...])
                }
            }
            return (result.status == 0, result.stdout + result.stderr, outputs)
        }

        // MARK: Expressions

        /// Every context value a step can read, by dotted name (nil: null).
        func values(_ state: StepState) -> [String: String?] {
            var values: [String: String?] = [
                "runner.temp": temp, "runner.os": "Linux", "runner.arch": "X64",
                "github.workspace": workspace, "github.token": "local-token",
                "github.repository": "local/repository", "github.workflow": "cicdlab",
                "github.ref": "refs/heads/" + runner.branch, "github.ref_name": runner.branch,
                "github.event_name": runner.event,
                // A scheduled run's event carries no repository.
                "github.event.repository.default_branch": runner.event == "schedule" ? nil : runner.defaultBranch,
            ]
            for (key, value) in runner.variables { values["vars." + key] = value }
            for (key, value) in state.env { values["env." + key] = value }
            for (id, outputs) in state.outputs {
                for (key, value) in outputs { values["steps.\(id).outputs.\(key)"] = value }
            }
            return values
        }

        /// `text` with each `${{ … }}` replaced by its value; unknown expressions are refused.
        func expand(_ text: String, _ state: StepState) throws -> String {
            let expression = GitHubExpression(context: values(state))
            var out = ""
            var rest = Substring(text)
            while let start = rest.range(of: "${{") {
                out += rest[..<start.lowerBound]
                guard let end = rest[start.upperBound...].range(of: "}}") else {
                    throw Unsupported(description: "unclosed expression in \(text)")
                }
                out += try expression.value(String(rest[start.upperBound..<end.lowerBound])) ?? ""
                rest = rest[end.upperBound...]
            }
            return out + rest
        }

        /// Whether a step's `if:` holds.
        private func holds(_ condition: String, _ state: StepState) throws -> Bool {
            try GitHubExpression(context: values(state)).holds(condition)
        }

        // MARK: Files

        /// An upload path with its one-character classes (`[*]`) read back as the character;
        /// real globs are refused.
        private func literalPath(_ pattern: String) throws -> String {
            var out = ""
            var characters = Array(pattern)[...]
            while let first = characters.first {
                if first == "[", characters.count >= 3, characters[characters.startIndex + 2] == "]" {
                    out.append(characters[characters.startIndex + 1])
                    characters = characters.dropFirst(3)
                    continue
                }
                if "*?[".contains(first) { throw Unsupported(description: "glob in upload path \(pattern)") }
                out.append(first)
                characters = characters.dropFirst()
            }
            return out.hasSuffix("/") ? String(out.dropLast()) : out
        }

        private func lines(_ path: String) throws -> [String] {
            try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        }

        private func orderedUniqueStrings(_ items: [String]) -> [String] {
            var seen = Set<String>()
            return items.filter { seen.insert($0).inserted }
        }
    }
}
