import Foundation
import LabSupport
import PipelineEngine

/// What evaluating a check found, with a clause saying why (what holds, or what is missing).
package enum CheckOutcome: Sendable, Equatable {
    /// The sandbox is in the state the check asks for.
    case passed(String)
    /// It is not; the clause says what is still missing.
    case notYet(String)
    /// The check reads a feature this build does not have; it can neither pass nor fail.
    case unavailable(String)

    package var passed: Bool {
        if case .passed = self { return true }
        return false
    }

    /// The clause, without a final full stop: "`models/candidate.json` does not exist".
    package var reason: String {
        switch self {
        case .passed(let text), .notYet(let text), .unavailable(let text): text
        }
    }
}

/// Evaluates checks against a sandbox workspace's real state: its files, the templates they
/// came from, the registry, the simulated clock and the deployments.
///
/// Evaluating never changes the sandbox (it does not even create one), so a check passes only
/// because of what the learner did, never because it was asked.
package struct CheckEvaluator {
    /// The workspace folder (it may not exist yet).
    package let workspaceRoot: String
    /// The `Sandbox/` templates that `file_changed` compares with, when known.
    package let templates: String?
    /// Where the step began: evidence that accumulates counts only past it.
    package let mark: StepMark

    package init(workspaceRoot: String, templates: String?, mark: StepMark = .origin) {
        self.workspaceRoot = workspaceRoot
        self.templates = templates
        self.mark = mark
    }

    /// The outcome of `check` now.
    ///
    /// Throws only when the sandbox itself cannot be read.
    package func evaluate(_ check: Check) throws -> CheckOutcome {
        guard FileManager.default.fileExists(atPath: workspaceRoot + "/.lab") else {
            // Without a sandbox no step is done, whatever the combinators would say.
            return .notYet("you have no sandbox yet; `sandbox init` creates it")
        }
        return try evaluate(check, in: try Workspace(root: workspaceRoot))
    }

    private func evaluate(_ check: Check, in workspace: Workspace) throws -> CheckOutcome {
        let files = FileChecks(workspace: workspace, templates: templates, location: check.location)
        switch check.condition {
        case .all(let parts):
            let outcomes = try parts.map { try evaluate($0, in: workspace) }
            let missing = outcomes.filter { if case .notYet = $0 { true } else { false } }
            if !missing.isEmpty { return .notYet(Self.clauses(missing)) }
            if let unavailable = outcomes.first(where: { if case .unavailable = $0 { true } else { false } }) {
                return unavailable
            }
            return .passed(Self.clauses(outcomes))
        case .any(let parts):
            let outcomes = try parts.map { try evaluate($0, in: workspace) }
            if let passed = outcomes.first(where: \.passed) { return passed }
            if let unavailable = outcomes.first(where: { if case .unavailable = $0 { true } else { false } }) {
                return unavailable
            }
            return .notYet("none of these holds: " + Self.clauses(outcomes))
        case .not(let inner):
            switch try evaluate(inner, in: workspace) {
            case .passed(let reason): return .notYet("\(reason), and the step needs the opposite")
            case .notYet(let reason): return .passed(reason)
            case .unavailable(let reason): return .unavailable(reason)
            }
        case .fileExists(let path): return try files.exists(path)
        case .fileContains(let path, let pattern): return try files.contains(path, pattern)
        case .fileChanged(let path): return try files.changed(path)
        case .fileHash(let path, let sha256): return try files.hash(path, sha256)
        case .registry(let condition): return try StateChecks(workspace: workspace, mark: mark).registry(condition)
        case .clock(let advanced): return try StateChecks(workspace: workspace, mark: mark).clock(advanced)
        case .deployment(let strategy, let status):
            return try StateChecks(workspace: workspace, mark: mark).deployment(strategy: strategy, status: status)
        case .ran(let words, let after):
            return try StateChecks(workspace: workspace, mark: mark).ran(words, after: after)
        case .served(let requests, let shadow):
            return try StateChecks(workspace: workspace, mark: mark).served(requests: requests, shadow: shadow)
        case .lastRun(let status, let stages):
            return try RunChecks(workspace: workspace, mark: mark).lastRun(status: status, stages: stages)
        case .gate(let name, let status):
            return try RunChecks(workspace: workspace, mark: mark).gate(name: name, status: status)
        case .metric(let name, let min, let max):
            return try RunChecks(workspace: workspace, mark: mark).metric(name: name, min: min, max: max)
        case .validation(let data, let suite, let success):
            return try ValidationCheck(workspace: workspace, location: check.location)
                .evaluate(data: data, suite: suite, success: success)
        }
    }

    /// The outcomes' clauses joined with semicolons, each said once.
    private static func clauses(_ outcomes: [CheckOutcome]) -> String {
        var seen = Set<String>()
        return outcomes.map(\.reason).filter { seen.insert($0).inserted }.joined(separator: "; ")
    }
}

/// `file_*` checks: a workspace file's existence, content, hash, and difference from its template.
private struct FileChecks {
    let workspace: Workspace
    let templates: String?
    let location: SourceLocation

    private func resolve(_ path: String) throws -> String {
        try workspace.paths.resolve(path, in: location.file, line: location.line)
    }

    private func isFile(_ absolute: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    func exists(_ path: String) throws -> CheckOutcome {
        isFile(try resolve(path)) ? .passed("`\(path)` exists") : .notYet("`\(path)` does not exist")
    }

    func contains(_ path: String, _ pattern: TextPattern) throws -> CheckOutcome {
        let absolute = try resolve(path)
        guard isFile(absolute), let data = FileManager.default.contents(atPath: absolute) else {
            return .notYet("`\(path)` does not exist")
        }
        let text = String(decoding: data, as: UTF8.self)
        switch pattern {
        case .text(let needle):
            return text.contains(needle)
                ? .passed("`\(path)` contains “\(needle)”") : .notYet("`\(path)` does not contain “\(needle)”")
        case .regex(let expression):
            let regex = try NSRegularExpression(pattern: expression, options: [.anchorsMatchLines])
            let found = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            return found
                ? .passed("`\(path)` has a match for /\(expression)/")
                : .notYet("`\(path)` has no match for /\(expression)/")
        }
    }

    func changed(_ path: String) throws -> CheckOutcome {
        let absolute = try resolve(path)
        guard let templates, isFile(templates + "/" + path) else {
            return .unavailable("`\(path)` has no template in the sandbox templates to compare with")
        }
        guard isFile(absolute) else { return .notYet("`\(path)` does not exist") }
        let same = try ContentHash.hex(fileAt: absolute) == ContentHash.hex(fileAt: templates + "/" + path)
        return same
            ? .notYet("`\(path)` is still the same as its template") : .passed("`\(path)` differs from its template")
    }

    func hash(_ path: String, _ expected: String) throws -> CheckOutcome {
        let absolute = try resolve(path)
        guard isFile(absolute) else { return .notYet("`\(path)` does not exist") }
        let actual = try ContentHash.hex(fileAt: absolute)
        return actual == expected
            ? .passed("`\(path)` has the expected SHA-256 \(expected.prefix(12))…")
            : .notYet("`\(path)` has SHA-256 \(actual.prefix(12))…, not the expected \(expected.prefix(12))…")
    }
}
