import Foundation
import Yams

/// Plays an exported `.gitlab-ci.yml` on this machine the way GitLab runs it, for tests.
///
/// Jobs run in `needs` order (within that, in the order of `stages`), each in a fresh clone of
/// the test's repository holding only the artifacts of the jobs in its `needs` with
/// `artifacts: true`. `before_script` and `script` entries run in one
/// `bash --noprofile --norc -eo pipefail` script, with the file's `variables` (their `$NAME`
/// references expanded) and the predefined variables the export uses. Emulated:
/// - `cache:` is always empty (caches are cold);
/// - `artifacts: paths` are copied to the job's store, kept by path, on success only;
/// - the lines between `# build-cicdlab: begin` and `# build-cicdlab: end` are replaced by a
///   copy of the test's built binary to `cicdlab-build/cicdlab`, where they put the build;
/// - `curl` to the package registry is answered by a small stand-in first on PATH that keeps
///   uploaded files under the store, so a later pipeline downloads what an earlier one published;
/// - a `when: manual` job is played as if a person started it; `image:` is ignored.
/// Anything else it does not understand (a glob in `artifacts:paths`, an unknown rule) stops the
/// run with a message.
struct LocalGitLabRunner {
    let repository: String
    let binaryFolder: String
    let store: String
    var variables: [String: String] = [:]

    typealias JobResult = LocalGitHubRunner.JobResult
    typealias Run = LocalGitHubRunner.Run
    typealias Unsupported = LocalGitHubRunner.Unsupported

    static let globals: Set<String> = [
        "default", "include", "stages", "variables", "workflow", "image", "services", "cache", "before_script",
        "after_script",
    ]

    func play() throws -> Run {
        let text = try String(contentsOfFile: repository + "/.gitlab-ci.yml", encoding: .utf8)
        guard let root = try Yams.load(yaml: text) as? [String: Any] else {
            throw Unsupported(description: ".gitlab-ci.yml is not a map")
        }
        let stages = root["stages"] as? [String] ?? []
        let jobs = root.filter { !Self.globals.contains($0.key) }.compactMapValues { $0 as? [String: Any] }
        let number =
            ((try? FileManager.default.contentsOfDirectory(atPath: store + "/runs")) ?? []).compactMap(Int.init)
            .max().map { $0 + 1 } ?? 1
        let runFolder = store + "/runs/\(number)"
        try FileManager.default.createDirectory(atPath: runFolder, withIntermediateDirectories: true)
        let shim = try writeCurlShim()
        var results: [String: JobResult] = [:]
        var ordered: [JobResult] = []
        var remaining = jobs.keys.sorted {
            (stages.firstIndex(of: jobs[$0]?["stage"] as? String ?? "") ?? 0, $0)
                < (stages.firstIndex(of: jobs[$1]?["stage"] as? String ?? "") ?? 0, $1)
        }
        while let name = remaining.first(where: { name in needs(jobs[name] ?? [:]).allSatisfy { results[$0] != nil } })
        {
            remaining.removeAll { $0 == name }
            let job = jobs[name] ?? [:]
            let result: JobResult
            if needs(job).contains(where: { results[$0]?.status != .success }) {
                result = JobResult(name: name, status: .skipped, log: "skipped: a job it needs did not succeed")
            } else {
                result = try playJob(name, job, root: root, runFolder: runFolder, shim: shim)
            }
            results[name] = result
            ordered.append(result)
        }
        if !remaining.isEmpty { throw Unsupported(description: "jobs whose needs never finish: \(remaining)") }
        return Run(number: number, jobs: ordered)
    }

    private func needs(_ job: [String: Any]) -> [String] {
        (job["needs"] as? [Any] ?? []).compactMap { ($0 as? [String: Any])?["job"] as? String ?? $0 as? String }
    }

    private func playJob(_ name: String, _ job: [String: Any], root: [String: Any], runFolder: String, shim: String)
        throws -> JobResult
    {
        for rule in job["rules"] as? [[String: Any]] ?? [] {
            guard rule["if"] as? String == "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH" else {
                throw Unsupported(description: "job \(name): a rule the local runner does not know: \(rule)")
            }
        }
        let folder = runFolder + "/jobs/" + name
        let project = folder + "/project"
        try FileManager.default.createDirectory(atPath: folder + "/home", withIntermediateDirectories: true)
        let clone = try Binary.run(["clone", "-q", repository, project], executable: "/usr/bin/git")
        guard clone.status == 0 else { return JobResult(name: name, status: .failure, log: clone.stderr) }
        for need in job["needs"] as? [Any] ?? [] {
            guard let need = need as? [String: Any], let other = need["job"] as? String,
                need["artifacts"] as? Bool == true
            else { continue }
            let artifacts = runFolder + "/artifacts/" + other
            if FileManager.default.fileExists(atPath: artifacts) { try LocalCIFiles.copyTree(artifacts, into: project) }
        }
        var env = variables
        env["CI"] = "true"
        env["GITLAB_CI"] = "true"
        env["CI_PROJECT_DIR"] = project
        env["CI_PROJECT_ID"] = "1"
        env["CI_API_V4_URL"] = "https://gitlab.invalid/api/v4"
        env["CI_JOB_TOKEN"] = "local-job-token"
        env["CI_COMMIT_REF_NAME"] = "main"
        env["CI_COMMIT_REF_SLUG"] = "main"
        env["CI_COMMIT_BRANCH"] = "main"
        env["CI_DEFAULT_BRANCH"] = "main"
        env["CI_PIPELINE_SOURCE"] = "push"
        for (key, value) in root["variables"] as? [String: Any] ?? [:] { env[key] = expand("\(value)", env) }
        env["HOME"] = folder + "/home"
        env["LOCAL_CURL_STORE"] = store + "/packages"
        env["PATH"] = shim + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let lines = (job["before_script"] as? [String] ?? []) + (job["script"] as? [String] ?? [])
        let script = try lines.map(substituteBuild).joined(separator: "\n")
        try script.write(toFile: folder + "/job.sh", atomically: true, encoding: .utf8)
        let result = try Binary.run(
            ["--noprofile", "--norc", "-eo", "pipefail", folder + "/job.sh"], environment: env, directory: project,
            executable: "/bin/bash")
        var log = result.stdout + result.stderr
        guard result.status == 0 else { return JobResult(name: name, status: .failure, log: log) }
        let artifacts = job["artifacts"] as? [String: Any] ?? [:]
        for path in artifacts["paths"] as? [String] ?? [] {
            if path.contains(where: { "*?[{$".contains($0) }) {
                throw Unsupported(description: "job \(name): a glob or variable in artifacts:paths: \(path)")
            }
            let relative = path.hasSuffix("/") ? String(path.dropLast()) : path
            let files = LocalCIFiles.files(relative, under: project)
            if files.isEmpty { log += "WARNING: \(path): no matching files\n" }
            for file in files {
                let target = runFolder + "/artifacts/" + name + "/" + file
                try FileManager.default.createDirectory(
                    atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try FileManager.default.copyItem(atPath: project + "/" + file, toPath: target)
            }
        }
        return JobResult(name: name, status: .success, log: log)
    }

    /// `$NAME` and `${NAME}` in a variable's value replaced from `env`, as GitLab expands them.
    private func expand(_ value: String, _ env: [String: String]) -> String {
        var out = value
        for (key, replacement) in env.sorted(by: { $0.key.count > $1.key.count }) {
            out = out.replacingOccurrences(of: "${\(key)}", with: replacement)
                .replacingOccurrences(of: "$\(key)", with: replacement)
        }
        return out
    }

    /// A script entry with its marked build lines replaced by a copy of the test's binary.
    private func substituteBuild(_ entry: String) throws -> String {
        guard let begin = entry.range(of: "# build-cicdlab: begin\n") else { return entry }
        guard let end = entry.range(of: "# build-cicdlab: end\n"), end.lowerBound > begin.upperBound,
            entry[begin.upperBound..<end.lowerBound].hasSuffix(
                "cp /opt/cicdlab/.build/release/cicdlab cicdlab-build/cicdlab\n  ")
        else { throw Unsupported(description: "the build lines no longer end by copying to cicdlab-build/cicdlab") }
        let copy = "mkdir -p cicdlab-build && cp '\(binaryFolder)/cicdlab' cicdlab-build/cicdlab\n"
        return String(entry[..<begin.lowerBound]) + copy + String(entry[end.upperBound...])
    }

    /// A `curl` for the package registry: `--upload-file` keeps the file under the store by the
    /// URL's path; a download writes it to `--output` and prints 200, or prints 404.
    private func writeCurlShim() throws -> String {
        let folder = store + "/bin"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let script = """
            #!/usr/bin/env python3
            # Local stand-in for curl against GitLab's generic package registry.
            import os, shutil, sys, urllib.parse
            args = sys.argv[1:]
            upload = output = write_out = url = None
            i = 0
            while i < len(args):
                a = args[i]
                if a in ("--upload-file", "--output", "--write-out", "--header"):
                    value = args[i + 1]
                    if a == "--upload-file": upload = value
                    if a == "--output": output = value
                    if a == "--write-out": write_out = value
                    i += 2
                elif a.startswith("-"):
                    i += 1
                else:
                    url = a
                    i += 1
            path = urllib.parse.urlparse(url).path
            if "/packages/generic/" not in path:
                sys.exit("curl stand-in: unsupported URL " + url)
            kept = os.path.join(os.environ["LOCAL_CURL_STORE"], path.lstrip("/"))
            if upload:
                os.makedirs(os.path.dirname(kept), exist_ok=True)
                shutil.copyfile(upload, kept)
                code = "201"
            elif os.path.exists(kept):
                shutil.copyfile(kept, output)
                code = "200"
            else:
                code = "404"
            if write_out:
                sys.stdout.write(write_out.replace("%{http_code}", code))
            """
        let path = folder + "/curl"
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return folder
    }
}
