import Foundation
import Yams

/// Plays an exported GitHub Actions workflow on this machine the way GitHub runs it, for tests.
///
/// Jobs run in `needs` order, each in a fresh folder: `actions/checkout` clones the test's
/// repository at the run's branch there, so a job sees only the committed files and what it
/// downloads. A job runs when every job it needs succeeded and its `if:` holds, else it is
/// skipped. `run` steps go to `bash --noprofile --norc -eo pipefail` (GitHub's default shell)
/// with the workflow's, job's and step's `env`, and `GITHUB_PATH`, `GITHUB_ENV` and
/// `GITHUB_OUTPUT` are honoured. The service's own parts are emulated:
/// - `actions/cache` always misses (caches are cold);
/// - `actions/upload-artifact` and `actions/download-artifact` copy to and from this run's
///   artifact store, keeping paths relative to the deepest folder the uploaded paths share, as
///   the real action does, and honouring `include-hidden-files` and `if-no-files-found`;
/// - `gh api repos/OWNER/REPO/actions/artifacts?name=NAME…` answers with the artifacts of the
///   earlier runs in GitHub's JSON shape, filtered by the step's own `--jq` program run by the
///   real `jq`; `gh run download ID --name NAME --dir DIR` copies one from the store; both from a
///   small `gh` script put first on PATH, which refuses anything else;
/// - the step with `id: build-cicdlab` is not run: the test's built binary is copied to
///   `cicdlab-build/cicdlab`, where that step's last line puts its build;
/// - `container:` is ignored: every job runs here.
/// Expressions are the ones the export writes (contexts `vars`, `env`, `runner`, `github`,
/// `steps`; `==`, `!=`, `||`, quoted strings); anything else the workflow asks for (another
/// action, expression or context) stops the run with a message, so the emulation never passes
/// what it does not understand.
struct LocalGitHubRunner {
    /// The git repository the workflow lives in (what checkout clones).
    let repository: String
    /// The folder holding the `cicdlab` binary the build step is replaced by.
    let binaryFolder: String
    /// Where runs, their artifacts and job folders are kept.
    let store: String
    /// Values of `vars.NAME`.
    var variables: [String: String] = [:]
    /// The branch the run is for (`github.ref_name`).
    var branch = "main"
    /// The repository's default branch (`github.event.repository.default_branch`).
    var defaultBranch = "main"
    /// What started the run (`github.event_name`); a `schedule` event carries no repository.
    var event = "push"

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
        var succeeded: Bool { jobs.allSatisfy { $0.status != .failure } }

        func job(_ name: String) -> JobResult? { jobs.first { $0.name == name } }
    }

    struct Unsupported: Error, CustomStringConvertible {
        var description: String
    }

    /// Plays `.github/workflows/cicdlab.yml` from the head of ``branch``.
    func play(workflow: String = ".github/workflows/cicdlab.yml") throws -> Run {
        let show = try Binary.run(
            ["show", "\(branch):\(workflow)"], directory: repository, executable: "/usr/bin/git")
        guard show.status == 0 else { throw Unsupported(description: "no \(workflow) on \(branch): \(show.stderr)") }
        guard let root = try Yams.load(yaml: show.stdout) as? [String: Any],
            let jobs = root["jobs"] as? [String: Any]
        else { throw Unsupported(description: "\(workflow) has no jobs") }
        let number = try nextRunNumber()
        let runFolder = store + "/runs/\(number)"
        try FileManager.default.createDirectory(atPath: runFolder + "/artifacts", withIntermediateDirectories: true)
        try branch.write(toFile: runFolder + "/branch", atomically: true, encoding: .utf8)
        let shim = try writeGHShim()
        let workflowEnv = (root["env"] as? [String: Any]) ?? [:]
        var results: [String: JobResult] = [:]
        var ordered: [JobResult] = []
        for name in try order(jobs) {
            let job = jobs[name] as? [String: Any] ?? [:]
            let context = JobContext(
                runner: self, run: number, runFolder: runFolder, folder: runFolder + "/jobs/" + name, shim: shim)
            let result: JobResult
            if Self.needs(job).contains(where: { results[$0]?.status != .success }) {
                result = JobResult(name: name, status: .skipped, log: "skipped: a job it needs did not succeed")
            } else if let condition = job["if"] as? String,
                try !GitHubExpression(context: context.values(JobContext.StepState())).holds(condition)
            {
                result = JobResult(name: name, status: .skipped, log: "skipped: if: \(condition)")
            } else {
                result = try context.play(name: name, job: job, workflowEnv: workflowEnv)
            }
            results[name] = result
            ordered.append(result)
        }
        let run = Run(number: number, jobs: ordered)
        try (run.succeeded ? "success" : "failure").write(
            toFile: runFolder + "/status", atomically: true, encoding: .utf8)
        return run
    }

    /// Marks the artifact `name` of run `number` expired, as GitHub does after its retention.
    func expire(_ name: String, ofRun number: Int) throws {
        let folder = store + "/runs/\(number)/expired"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "".write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
    }

    static func needs(_ job: [String: Any]) -> [String] {
        (job["needs"] as? [String]) ?? ((job["needs"] as? String).map { [$0] } ?? [])
    }

    /// Job names in an order where each comes after the jobs it needs.
    private func order(_ jobs: [String: Any]) throws -> [String] {
        var done: [String] = []
        var remaining = jobs.keys.sorted()
        while !remaining.isEmpty {
            guard
                let next = remaining.first(where: { name in
                    Self.needs(jobs[name] as? [String: Any] ?? [:]).allSatisfy(done.contains)
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
}
