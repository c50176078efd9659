import Foundation
import PipelineEngine

extension LabSession {
    /// Resolves the file an `--out` option names and makes its folder, refusing, before any work
    /// is lost to it, a folder (`--out /tmp`), anything else that is not a regular file, and a
    /// folder that cannot be made; the error names the path and the reason in plain words.
    func outputPath(_ typed: String, option: String = "--out") throws -> String {
        let path = try userPath(typed)
        var isFolder: ObjCBool = false
        if typed.hasSuffix("/") || (FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue) {
            throw LabError("usage.out_is_folder", "\(option) names a folder; give a file path", file: typed)
        }
        try RegularFile.checkWritable(path, named: typed)
        try FileSystemFailure.performing(.write, path: path, named: typed) {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        }
        return path
    }

    /// Writes `data` to `path` (from ``outputPath(_:option:)``) atomically; a failure names
    /// `typed` and the reason in plain words.
    func writeOutput(_ data: Data, to path: String, typed: String) throws {
        try FileSystemFailure.performing(.write, path: path, named: typed) {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        }
    }
}
