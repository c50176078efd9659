import Foundation
import Yams

/// Plays an exported GitHub Actions workflow on this machine the way GitHub runs it, for tests.
///
/// Jobs run in `needs` order, each in a fresh folder: `actions/checkout` clones the test's
/// repository there, so a job sees only the committed files and what it downloads. `run` steps
/// go to `bash --noprofile --norc -eo pipefail` (GitHub's default shell) with the workflow's,
/// job's and step's `env`, and `GITHUB_PATH`, `GITHUB_ENV` and `GITHUB_OUTPUT` are honoured.
/// The service's own parts are emulated:
/// - `actions/cache` always misses (caches are cold);
/// - `actions/upload-artifact` and `actions/download-artifact` copy to and from this run's
///   artifact store, keeping paths relative to the deepest folder the uploaded paths share, as
///   the real action does, and honouring `include-hidden-files` and `if-no-files-found`;
/// - `gh run list` and `gh run download` are answered from the store of earlier runs by a small
///   `gh` script put first on PATH;
/// - the step with `id: build-cicdlab` is not run: the test's built binary is copied to
///   `cicdlab-build/cicdlab`, where that step's last line puts its build;
/// - `container:` is ignored: every job runs here.
/// Anything else the workflow asks for (another action, an unknown expression or `if:`) stops
/// the run with a message, so the emulation never passes what it does not understand.
struct LocalGitHubRunner {
    /// The git repository the workflow lives in (what checkout clones).
    let repository: String
    /// The folder holding the `cicdlab` binary the build step is replaced by.
    let binaryFolder: String
    /// Where runs, their artifacts and job folders are kept.
    let store: String
    /// Values of `vars.NAME`.
    var variables: [String: String] = [:]

    /// One job's outcome: whether it passed, and what its steps printed.
    struct JobResult {
        var name: String
        var status: Status
        var log: String

        enum Status: String { case success, failure, skipped }
    }

    /// One played run of the workflow.
    struct Run {
        var number: Int
        var jobs: [JobResult]
        var succeeded: Bool { jobs.allSatisfy { $0.status == .success } }

        func job(_ name: String) -> JobResult? { jobs.first { $0.name == name } }
    }

    struct Unsupported: Error, CustomStringConvertible {
        var description: String
    }

    /// Plays `.github/workflows/cicdlab.yml` from the repository's checked-out head.
    func play(workflow: String = ".github/workflows/cicdlab.yml") throws -> Run {
        let text = try String(contentsOfFile: repository + "/" + workflow, encoding: .utf8)
        guard let root = try Yams.load(yaml: text) as? [String: Any], let jobs = root["jobs"] as? [String: Any]
        else { throw Unsupported(description: "\(workflow) has no jobs") }
        let number = try nextRunNumber()
        let runFolder = store + "/runs/\(number)"
        try FileManager.default.createDirectory(atPath: runFolder + "/artifacts", withIntermediateDirectories: true)
        let shim = try writeGHShim()
        let workflowEnv = (root["env"] as? [String: Any]) ?? [:]
        var results: [String: JobResult] = [:]
        var ordered: [JobResult] = []
        for name in try order(jobs) {
            let job = jobs[name] as? [String: Any] ?? [:]
            let needs = (job["needs"] as? [String]) ?? ((job["needs"] as? String).map { [$0] } ?? [])
            if needs.contains(where: { results[$0]?.status != .success }) {
                let result = JobResult(name: name, status: .skipped, log: "skipped: a job it needs did not succeed")
                results[name] = result
                ordered.append(result)
                continue
            }
            let context = JobContext(
                runner: self, run: number, runFolder: runFolder, folder: runFolder + "/jobs/" + name, shim: shim)
            let result = try context.play(name: name, job: job, workflowEnv: workflowEnv)
            results[name] = result
            ordered.append(result)
        }
        let run = Run(number: number, jobs: ordered)
        try (run.succeeded ? "success" : "failure").write(
            toFile: runFolder + "/status", atomically: true, encoding: .utf8)
        return run
    }

    /// Job names in an order where each comes after the jobs it needs.
    private func order(_ jobs: [String: Any]) throws -> [String] {
        var done: [String] = []
        var remaining = jobs.keys.sorted()
        while !remaining.isEmpty {
            guard
                let next = remaining.first(where: { name in
                    let job = jobs[name] as? [String: Any] ?? [:]
                    let needs = (job["needs"] as? [String]) ?? ((job["needs"] as? String).map { [$0] } ?? [])
                    return needs.allSatisfy(done.contains)
                })
            else { throw Unsupported(description: "the jobs' needs form a cycle or name a missing job") }
            done.append(next)
            remaining.removeAll { $0 == next }
        }
        return done
    }

    private func nextRunNumber() throws -> Int {
        let runs = (try? FileManager.default.contentsOfDirectory(atPath: store + "/runs")) ?? []
        return (runs.compactMap(Int.init).max() ?? 0) + 1
    }

    /// A `gh` that answers `run list` (the newest successful run) and `run download` from the store.
    private func writeGHShim() throws -> String {
        let folder = store + "/bin"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let script = """
            #!/usr/bin/env bash
            # Local stand-in for the GitHub CLI: the runs are folders under $LOCAL_GH_STORE/runs.
            set -euo pipefail
            runs="$LOCAL_GH_STORE/runs"
            case "$1 $2" in
              "run list")
                for id in $(ls "$runs" | sort -n -r); do
                  if [ "$(cat "$runs/$id/status" 2>/dev/null)" = success ]; then echo "$id"; exit 0; fi
                done
                exit 0 ;;
              "run download")
                id="$3"; shift 3; name=""; dir="."
                while [ $# -gt 0 ]; do
                  case "$1" in --name) name="$2"; shift 2 ;; --dir) dir="$2"; shift 2 ;; *) shift ;; esac
                done
                src="$runs/$id/artifacts/$name"
                [ -d "$src" ] || { echo "no artifact $name in run $id" >&2; exit 1; }
                mkdir -p "$dir" && cp -R "$src/." "$dir/" ;;
              *) echo "gh stand-in: unsupported: $*" >&2; exit 1 ;;
            esac
            """
        let path = folder + "/gh"
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return folder
    }
}
