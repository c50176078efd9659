import Foundation

/// Turns a failed file operation into a `LabError` in plain words, so that no framework text
/// (`Error Domain=NSCocoaErrorDomain Code=512 ...`) ever reaches the user.
///
/// Every error Foundation's file APIs throw (`CocoaError`, `POSIXError`, a bridged `NSError`)
/// carries an error number, directly or underneath; the number decides the words: "no such
/// folder", "permission denied", "read-only file system", "no space left on device", "is a folder".
package enum FileSystemFailure {
    /// What was being done when the file system refused.
    package enum Action: Sendable {
        case read, write

        var verb: String { self == .read ? "read" : "write" }
        var code: LabError.Code { self == .read ? .fileReadFailed : .fileWriteFailed }
    }

    /// A `LabError` naming `path` (or `name`, as the user typed it), the action and the reason.
    package static func labError(_ error: any Error, _ action: Action, path: String, named name: String? = nil)
        -> LabError
    {
        LabError(
            action.code, "cannot \(action.verb) it: \(reason(for: error, action))", file: name ?? path, cause: error)
    }

    /// Runs `body`, turning a file-system failure into a ``labError(_:_:path:named:)``; other
    /// errors (a `LabError` above all) pass through unchanged.
    package static func performing<T>(
        _ action: Action, path: String, named name: String? = nil, _ body: () throws -> T
    ) throws -> T {
        do {
            return try body()
        } catch let error as LabError {
            throw error
        } catch  where isFileSystemError(error) {
            throw labError(error, action, path: path, named: name)
        }
    }

    /// A `LabError` for a file-system error that reached the top without one, naming the path
    /// the error carries; nil when `error` did not come from the file system.
    package static func labError(from error: any Error) -> LabError? {
        guard isFileSystemError(error) else { return nil }
        let ns = error as NSError
        let path = (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
        // Foundation numbers its write errors from 512 (`CocoaError.fileWriteUnknown`).
        let action: Action = ns.domain == NSCocoaErrorDomain && ns.code < 512 && ns.code != 4 ? .read : .write
        guard let path else {
            return LabError(action.code, "cannot \(action.verb) a file: \(reason(for: error, action))", cause: error)
        }
        return labError(error, action, path: path)
    }

    /// The reason in plain words: "no such folder", "permission denied", ...
    package static func reason(for error: any Error, _ action: Action) -> String {
        guard let number = errorNumber(of: error) else { return "an unexpected error" }
        return reason(errno: number, action)
    }

    /// The words for an error number; `ENOENT` reads "no such folder" when writing (the file
    /// itself is made by the write, so it is a folder on the way that is missing).
    package static func reason(errno number: Int32, _ action: Action) -> String {
        switch number {
        case ENOENT: action == .write ? "no such folder" : "no such file"
        case ENOTDIR: "a part of the path is a file, not a folder"
        case EACCES, EPERM: "permission denied"
        case EROFS: "read-only file system"
        case ENOSPC, EDQUOT: "no space left on device"
        case EISDIR: "is a folder"
        case EEXIST: "something is already there"
        case ENAMETOOLONG: "the name is too long"
        case ELOOP: "too many symbolic links on the way"
        case EMFILE, ENFILE: "too many open files"
        case EIO: "input/output error (the disk may be failing)"
        case EBUSY, ETXTBSY: "the file is in use"
        case EXDEV: "it is on another file system"
        default: String(cString: strerror(number)).lowercased()
        }
    }

    /// Whether the file system refused: a POSIX error, or one of Foundation's file errors with
    /// an error number behind it (not, say, a file that is not text in the expected encoding).
    package static func isFileSystemError(_ error: any Error) -> Bool {
        errorNumber(of: error) != nil
    }

    /// The POSIX error number behind `error`, or nil when it is not a file-system error.
    package static func errorNumber(of error: any Error) -> Int32? {
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return Int32(ns.code) }
        guard ns.domain == NSCocoaErrorDomain, (0...1023).contains(ns.code) else { return nil }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? any Error,
            let number = errorNumber(of: underlying)
        {
            return number
        }
        switch CocoaError.Code(rawValue: ns.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return ENOENT
        case .fileReadNoPermission, .fileWriteNoPermission, .fileLocking: return EACCES
        case .fileWriteOutOfSpace: return ENOSPC
        case .fileWriteVolumeReadOnly: return EROFS
        case .fileWriteFileExists: return EEXIST
        case .fileReadInvalidFileName, .fileWriteInvalidFileName: return ENAMETOOLONG
        case .fileReadTooLarge: return EFBIG
        default: return nil
        }
    }
}
