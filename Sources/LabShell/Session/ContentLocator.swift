import Foundation

/// Finds the course content (`Lessons/`) and sandbox templates (`Sandbox/`) at run time.
///
/// Content is read at run time so that authors can edit it without rebuilding. The binary
/// looks, in order, at `--content DIR`, `$CICDLAB_CONTENT`, an installed copy in
/// `<prefix>/share/cicdlab` beside the binary's `bin/`, and the source checkout that the
/// binary was built in (walking up from the executable to the folder holding Package.swift).
struct ContentLocation: Sendable, Equatable {
    /// The folder that holds `Lessons/` and `Sandbox/`.
    var root: String
    /// How it was found, for `doctor`: "--content", "CICDLAB_CONTENT", "installed", "checkout".
    var foundBy: String

    var lessonsDirectory: String { root + "/Lessons" }
    var sandboxTemplates: String { root + "/Sandbox" }

    /// The content folder, or nil when none of the places holds a `Lessons/` or `Sandbox/` folder.
    static func locate(
        flag: String?, environment: [String: String],
        executable: String = CommandLine.arguments.first ?? ""
    ) -> ContentLocation? {
        let fm = FileManager.default
        func holdsContent(_ dir: String) -> Bool {
            ["/Lessons", "/Sandbox"].contains { sub in
                var isDir: ObjCBool = false
                return fm.fileExists(atPath: dir + sub, isDirectory: &isDir) && isDir.boolValue
            }
        }
        if let flag, !flag.isEmpty {
            return ContentLocation(root: absolute(flag), foundBy: "--content")
        }
        if let env = environment["CICDLAB_CONTENT"], !env.isEmpty {
            return ContentLocation(root: absolute(env), foundBy: "CICDLAB_CONTENT")
        }
        let exe = URL(fileURLWithPath: resolvedExecutable(executable)).resolvingSymlinksInPath()
        let bin = exe.deletingLastPathComponent()
        let installed = bin.deletingLastPathComponent().appendingPathComponent("share/cicdlab").path
        if holdsContent(installed) { return ContentLocation(root: installed, foundBy: "installed") }
        var dir = bin
        for _ in 0..<8 {
            if fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path), holdsContent(dir.path) {
                return ContentLocation(root: dir.path, foundBy: "checkout")
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        return nil
    }

    private static func absolute(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded).standardizedFileURL.path }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .appendingPathComponent(expanded).standardizedFileURL.path
    }

    /// The executable's absolute path; argv[0] may be relative or a bare name found on PATH.
    private static func resolvedExecutable(_ argv0: String) -> String {
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return link
        }
        return absolute(argv0)
    }
}
