import Foundation
import PipelineEngine

@testable import Course

/// A temporary folder with sandbox templates and, once `initialise()` is called, a real
/// workspace made from them, for evaluating checks against real state.
final class SandboxFixture {
    let directory: String
    var templates: String { directory + "/templates" }
    var root: String { directory + "/ws" }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cicdlab-checks-\(UUID())").path
        try write(templates + "/README.txt", "The sandbox templates.\n")
        try write(templates + "/data/churn.csv", "tenure,churned\n1,0\n30,1\n")
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// Makes the workspace from the templates and returns it.
    @discardableResult
    func initialise() throws -> Workspace {
        try SandboxManager(templates: templates).initialise(at: root)
        return try Workspace(root: root)
    }

    func write(_ path: String, _ text: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Writes `text` to a workspace file.
    func edit(_ relative: String, _ text: String) throws {
        try write(root + "/" + relative, text)
    }

    /// Registers a model version with `accuracy`; returns its number.
    @discardableResult
    func register(accuracy: Double) throws -> Int {
        let registration = ModelRegistration(
            kind: .logistic, target: "churned", features: ["tenure"],
            lineage: Lineage(dataHash: "d", paramsHash: "p"), metrics: ["accuracy": accuracy], source: "test")
        return try ModelRegistry(workspace: Workspace(root: root))
            .register(modelData: Data("model \(accuracy)".utf8), registration, actor: "ada").version
    }

    /// The outcome of the check written as YAML (the value of a step's `check:`).
    func evaluate(_ yaml: String, since mark: StepMark = .origin) throws -> CheckOutcome {
        try CheckEvaluator(workspaceRoot: root, templates: templates, mark: mark).evaluate(parseCheck(yaml))
    }

    /// The sandbox's mark now, as when a step begins.
    func mark() throws -> StepMark {
        try StepMark.take(of: Workspace(root: root))
    }
}

/// The check of a one-step steps file whose `check:` is `yaml` (indented under it).
func parseCheck(_ yaml: String) throws -> Check {
    let result = StepLoader.parse(stepsFile(check: yaml), file: "steps.yaml")
    if let problem = result.problems.first { throw problem }
    return result.steps[0].check
}

/// A one-step steps file with `check` as its check; the check's YAML starts on line 7.
func stepsFile(check: String) -> String {
    let indented = check.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n")
    return """
        steps:
          - id: the-step
            title: The step
            instructions: Do it.
            command: sandbox init
            check:
        \(indented)
            hints: [Try.]
        """
}
