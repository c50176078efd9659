import Foundation
import LabSupport
import PipelineEngine

/// Keeps the files that course-provided commands write inside the sandbox.
///
/// Steps, `start:` and `wrong:` commands are content, not typed by the learner, so the paths
/// they give to `--out` (`export progress`, `sandbox generate`, `train`, `pipeline export`)
/// follow the rule of every path in sandbox files: relative to the workspace, no `..` that
/// climbs out, no `~`, nothing inside the lab's own `.lab/`. `lint` refuses such commands, and
/// the lab refuses to run them when it runs content (a lesson's start, `lint --play`).
enum ContentCommandPaths {
    /// The options whose value is a path the command writes.
    static let outputOptions = ["--out"]

    /// What is wrong with the output paths of `arguments` (one command's words), or nil.
    static func problem(in arguments: [String]) -> String? {
        for (option, value) in outputs(of: arguments) {
            if let why = problem(withPath: value) {
                return "\(option) must name a path inside the sandbox: '\(value)' \(why)"
            }
        }
        return nil
    }

    /// The output options of `arguments` with their values (`--out X` and `--out=X`).
    static func outputs(of arguments: [String]) -> [(option: String, value: String)] {
        var found: [(String, String)] = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if word == "--" { break }
            for option in outputOptions {
                if word == option {
                    found.append((option, index + 1 < arguments.count ? arguments[index + 1] : ""))
                } else if word.hasPrefix(option + "=") {
                    found.append((option, String(word.dropFirst(option.count + 1))))
                }
            }
            index += 1
        }
        return found
    }

    /// Why `path` does not stay inside the sandbox, judged from its text alone, or nil.
    static func problem(withPath path: String) -> String? {
        let trimmed = path.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return "is empty" }
        if trimmed.hasPrefix("/") { return "is an absolute path" }
        if trimmed.hasPrefix("~") { return "points into a home folder" }
        if trimmed.contains("\0") { return "contains a NUL byte" }
        var depth: [Substring] = []
        for part in trimmed.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !depth.isEmpty else { return "climbs out with '..'" }
                depth.removeLast()
            default: depth.append(part)
            }
        }
        if depth.first == ".lab" { return "is inside the lab's own .lab folder" }
        return nil
    }

    /// The refusal for a content command whose output path leaves the workspace at `root`,
    /// checked on the text and then on the disk (a symlink on the way that points outside).
    static func refusal(of arguments: [String], workspace root: String?) -> LabError? {
        let command = arguments.joined(separator: " ")
        if let problem = problem(in: arguments) {
            return LabError(.stepsOutOutside, "`\(command)` is course content: \(problem)")
        }
        guard let root else { return nil }
        for (option, value) in outputs(of: arguments) {
            do {
                _ = try WorkspacePaths(root: root).resolve(value)
            } catch let error as LabError {
                return LabError(
                    .stepsOutOutside,
                    "`\(command)` is course content: \(option) must name a path inside the sandbox: \(error.message)")
            } catch {
                return LabError(
                    .stepsOutOutside, "`\(command)` is course content: \(LabError.reason(for: error))", cause: error)
            }
        }
        return nil
    }
}
