import Foundation
import LabSupport

extension LabSession {
    /// Resolves the file an `--out` option names, refusing, before any work is lost to it, a
    /// folder (`--out /tmp`, `--out new/`) and anything else that is not a regular file.
    func outputPath(_ typed: String, option: String = "--out") throws -> String {
        let path = try userPath(typed)
        var isFolder: ObjCBool = false
        if typed.hasSuffix("/")
            || (FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue)
        {
            throw LabError(.usageOutIsFolder, "\(option) names a folder; give a file path", file: typed)
        }
        try RegularFile.checkWritable(path, named: typed)
        return path
    }

    /// Makes the folder `path` (from ``outputPath(_:option:)``) goes in; a failure names `typed`
    /// and the reason in plain words ("no such folder", "permission denied").
    func makeOutputFolder(for path: String, typed: String) throws {
        try FileSystemFailure.performing(.write, path: path, named: typed) {
            do {
                try FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            } catch  where FileSystemFailure.errorNumber(of: error) == EEXIST {
                // "Already exists": a file stands where one of the folders should be.
                throw POSIXError(.ENOTDIR)
            }
        }
    }

    /// Writes `data` to `path` (from ``outputPath(_:option:)``) atomically, making its folder
    /// first when `makingFolder`; a failure names `typed` and the reason in plain words.
    func writeOutput(_ data: Data, to path: String, typed: String, makingFolder: Bool) throws {
        if makingFolder { try makeOutputFolder(for: path, typed: typed) }
        try FileSystemFailure.performing(.write, path: path, named: typed) {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        }
    }
}
