import Foundation
import LabSupport

/// Resolves the paths that sandbox files name (in pipelines, suites, gate configs, scenarios and
/// lessons) to absolute paths that are guaranteed to lie inside the workspace.
///
/// A path that would leave the workspace is refused before anything is read or written: an
/// absolute path, a `~` path, a `..` that climbs above the root, or a symlink anywhere along
/// the way that points outside. Paths a user types are not checked here: they are the user's.
package struct WorkspacePaths: Sendable {
    /// The workspace folder, absolute and with symlinks resolved.
    package let root: String

    package init(root: String) {
        self.root = Self.realPath(root) ?? URL(fileURLWithPath: root).standardizedFileURL.path
    }

    /// The absolute path for `named`, or an error naming where the path was written.
    ///
    /// - Parameters:
    ///   - named: the path as written, relative to the workspace root.
    ///   - file: the file that names it (for the error message), relative to the workspace.
    ///   - line: the line in `file`, when known.
    /// - Returns: the absolute path inside the workspace.
    /// - Throws: a `LabError` naming `file` and `line` when the path is empty, absolute or climbs out.
    package func resolve(_ named: String, in file: String? = nil, line: Int? = nil) throws -> String {
        func refuse(_ why: String) -> LabError {
            LabError(
                .workspaceEscape, "'\(named)' \(why); paths in sandbox files must stay inside the workspace",
                file: file, line: line)
        }
        let trimmed = Self.trimmingSpaces(named)
        guard !trimmed.isEmpty else {
            throw LabError(
                .workspaceEmptyPath, "an empty path was given where a file was expected",
                file: file, line: line)
        }
        if trimmed.hasPrefix("/") { throw refuse("is an absolute path") }
        if trimmed.hasPrefix("~") { throw refuse("points into a home folder") }
        if trimmed.contains("\0") { throw refuse("contains a NUL byte") }
        var components: [String] = []
        for part in trimmed.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !components.isEmpty else { throw refuse("climbs out with '..'") }
                components.removeLast()
            default: components.append(String(part))
            }
        }
        // `.lab/` holds the lab's own state (databases, artifact store, results): no file a
        // pipeline, suite or scenario names may read or overwrite it.
        if components.first == ".lab" {
            throw LabError(
                .workspaceEscape, "'\(named)' is inside the lab's own .lab folder, which sandbox files may not name",
                file: file, line: line)
        }
        // `.` (or `data/..`) is the workspace folder itself: every path a sandbox file names is a file.
        guard !components.isEmpty else {
            throw LabError(
                .workspaceFolderNotFile, "'\(named)' is the workspace folder itself; expected a file",
                file: file, line: line)
        }
        let candidate = ([root] + components).joined(separator: "/")
        // The usual case: no symbolic link on the way, so the path is inside and not dangling.
        if Self.hasNoLinks(root: root, components) { return candidate }
        // A symlink to nowhere on the way (`models/` pointing at a deleted folder) would make
        // creating the folder fail with "file exists": name it instead.
        for depth in components.indices.dropLast() {
            let step = ([root] + components[...depth]).joined(separator: "/")
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: step), Self.realPath(step) == nil
            {
                throw LabError(
                    .workspaceDanglingLink,
                    "'\(named)' goes through '\(components[...depth].joined(separator: "/"))', a symbolic link to '\(target)', which does not exist; remove the link or make it a folder",
                    file: file, line: line)
            }
        }
        // Follow symlinks along the part of the path that exists: each must stay inside.
        var existing = candidate
        while !FileManager.default.fileExists(atPath: existing), existing != root {
            existing = (existing as NSString).deletingLastPathComponent
        }
        if let real = Self.realPath(existing), !isInside(real) {
            throw refuse("goes through a symlink that points outside")
        }
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: candidate)) != nil,
            Self.realPath(candidate) == nil
        {
            throw refuse("is a symlink to nowhere")
        }
        return candidate
    }

    /// `path` relative to the root, for display (`data/churn.csv`).
    package func relative(_ path: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }

    /// Whether `lstat` finds no symbolic link along `components` below `root` (which is a real
    /// path) up to the first one that does not exist; false when it cannot tell.
    private static func hasNoLinks(root: String, _ components: [String]) -> Bool {
        var path = root
        for component in components {
            path += "/" + component
            var info = stat()
            if lstat(path, &info) != 0 { return errno == ENOENT }
            if info.st_mode & S_IFMT == S_IFLNK { return false }
        }
        return true
    }

    /// `text` without the spaces and tabs at either end, as Foundation's `.whitespaces` trims
    /// them (tab, Unicode's space separators and the zero-width space), without bridging
    /// through `NSString`.
    static func trimmingSpaces(_ text: String) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar == "\u{200B}" || scalar.properties.generalCategory == .spaceSeparator
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    private func isInside(_ real: String) -> Bool {
        real == root || real.hasPrefix(root + "/")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
