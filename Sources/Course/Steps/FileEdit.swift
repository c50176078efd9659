import Foundation
import LabSupport
import PipelineEngine
import Yams

/// A change a learner makes by hand in an editor, written down so `lint --play` can make it.
///
/// Steps that ask for an edit (add a gate to `gates.yaml`, break a column of a CSV) name the
/// command that shows its effect in `command`, and the edit itself under `solution`:
///
/// ```yaml
/// solution:
///   - file: gates.yaml
///     append: |
///       - name: latency
///         type: latency
///         p95_ms: 5
///   - file: data/churn.csv
///     replace: ",basic,"
///     with: ",,"
///   - file: notes.txt
///     write: "whole new content\n"
/// ```
///
/// The learner never sees it run; `lint --play` applies it before the step's commands, so a
/// check passes only because the sandbox really is in the state the step asks for.
package struct FileEdit: Sendable, Equatable {
    /// What happens to the file.
    package enum Change: Sendable, Equatable {
        /// The file's whole content becomes this text (the file is created if missing).
        case write(String)
        /// This text is added at the end (after a newline, if the file does not end with one).
        case append(String)
        /// Every occurrence of the first text becomes the second; the first must occur.
        case replace(String, with: String)
    }

    /// The workspace-relative path of the file.
    package var path: String
    package var change: Change
    /// Where the edit is written in `steps.yaml`.
    package var location: SourceLocation

    package init(path: String, change: Change, location: SourceLocation) {
        self.path = path
        self.change = change
        self.location = location
    }

    /// Makes the change in the workspace at `root`; a path that would leave it is refused.
    package func apply(inWorkspace root: String) throws {
        let target = try WorkspacePaths(root: root).resolve(path, in: location.file, line: location.line)
        // Read and written relative to the workspace's descriptor, never through a symlink.
        let files = ConfinedDirectory(root: root)
        let existing = try files.contents(of: target).map { String(decoding: $0, as: UTF8.self) }
        let updated: String
        switch change {
        case .write(let text):
            updated = text
        case .append(let text):
            let current = existing ?? ""
            updated = current.isEmpty || current.hasSuffix("\n") ? current + text : current + "\n" + text
        case .replace(let old, let new):
            guard let current = existing else {
                throw LabError(
                    .stepsEditFailed, "the solution edits \"\(path)\", which does not exist",
                    file: location.file, line: location.line)
            }
            guard current.contains(old) else {
                throw LabError(
                    .stepsEditFailed, "the solution replaces \"\(old)\" in \"\(path)\", which does not contain it",
                    file: location.file, line: location.line)
            }
            updated = current.replacingOccurrences(of: old, with: new)
        }
        try files.write(Data(updated.utf8), to: target)
    }
}

/// Reads a step's `solution:` list of file edits.
struct FileEditReader {
    let reader: YAMLNodeReader
    let confine: (Node, String) throws -> String

    func read(_ node: Node) throws -> [FileEdit] {
        try reader.sequence(node, "`solution`").map(edit)
    }

    /// A scalar's text exactly as written (indentation and final newline matter in an edit).
    private func raw(_ node: Node, _ what: String) throws -> String {
        guard let scalar = node.scalar else {
            throw reader.error(.badShape, "\(what) should be text", at: node)
        }
        return scalar.string
    }

    private func edit(_ node: Node) throws -> FileEdit {
        let fields = try reader.mapping(node, "a solution edit")
        try reader.checkKeys(fields, allowed: ["file", "write", "append", "replace", "with"], in: "a solution edit")
        guard let file = fields["file"] else {
            throw reader.error(.missingKey, "a solution edit needs `file`", at: node)
        }
        let path = try confine(file, "`file`")
        let location = SourceLocation(file: reader.file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
        let changes = ["write", "append", "replace"].compactMap { kind in fields[kind].map { (kind, $0) } }
        guard changes.count == 1, let (kind, value) = changes.first else {
            throw reader.error(
                .badValue, "a solution edit needs exactly one of `write`, `append` or `replace`", at: node)
        }
        switch kind {
        case "write":
            return FileEdit(path: path, change: .write(try raw(value, "`write`")), location: location)
        case "append":
            return FileEdit(path: path, change: .append(try raw(value, "`append`")), location: location)
        default:
            guard let with = fields["with"] else {
                throw reader.error(
                    .missingKey, "a `replace` edit needs `with`, the text that takes its place", at: node)
            }
            let old = try raw(value, "`replace`")
            if old.isEmpty { throw reader.error(.emptyValue, "`replace` is empty", at: value) }
            return FileEdit(
                path: path, change: .replace(old, with: try raw(with, "`with`")), location: location)
        }
    }
}
