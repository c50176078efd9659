import Foundation

/// File copying the local CI runners share: artifacts in and out of their stores.
enum LocalCIFiles {
    /// Copies every file under `source` into `target`, replacing files that are there, as an
    /// artifact download does.
    static func copyTree(_ source: String, into target: String) throws {
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        for item in FileManager.default.subpaths(atPath: source) ?? [] {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: source + "/" + item, isDirectory: &isDirectory) else {
                continue
            }
            let destination = target + "/" + item
            if isDirectory.boolValue {
                try FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: true)
            } else {
                if FileManager.default.fileExists(atPath: destination) {
                    try FileManager.default.removeItem(atPath: destination)
                }
                try FileManager.default.copyItem(atPath: source + "/" + item, toPath: destination)
            }
        }
    }

    /// The files at `relative` under `root`: the file itself, or every file in the folder.
    static func files(_ relative: String, under root: String) -> [String] {
        let full = root + "/" + relative
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [relative] }
        return (FileManager.default.subpaths(atPath: full) ?? []).map { relative + "/" + $0 }.filter {
            var folder: ObjCBool = false
            return FileManager.default.fileExists(atPath: root + "/" + $0, isDirectory: &folder) && !folder.boolValue
        }
    }
}
