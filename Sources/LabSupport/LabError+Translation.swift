import Foundation

extension LabError {
    /// The error a command ended with, as the user should read it: the one translation of
    /// every other error into a `LabError`, keeping the original as its ``cause``.
    ///
    /// A `LabError` stays as it is; a database that cannot be used says so (`store.damaged`,
    /// `store.unreadable`); a Foundation or POSIX file-system error and a GRDB `DatabaseError`
    /// read in plain words (``FileSystemFailure``, ``SQLiteFailure``); anything else is
    /// `internal`, a fault of the lab itself, described by ``reason(for:)``.
    package static func describing(_ error: any Error) -> LabError {
        if let error = error as? LabError { return error }
        return translated(error)
            ?? LabError(
                .internalError, "an unexpected error inside the lab (please report it): \(reason(for: error))",
                cause: error)
    }

    /// What `error` says, in words fit for a message: a `LabError`'s message, a file-system or
    /// SQLite failure in plain words, a decoding error's key path and explanation, and never a
    /// framework dump (`Error Domain=NSCocoaErrorDomain Code=512 "(null)" UserInfo={...}`).
    package static func reason(for error: any Error) -> String {
        if let error = error as? LabError { return error.message }
        if let error = error as? DecodingError { return reason(for: error) }
        if let known = translated(error) { return known.message }
        let text = String(describing: error)
        guard text.contains("Error Domain=") else { return text }
        let ns = error as NSError
        let words = ns.localizedDescription
        return words.contains("Domain") ? "error \(ns.code) of \(ns.domain)" : words
    }

    /// A database that cannot be used, a file-system or a SQLite failure as a `LabError`; nil
    /// for any other error.
    private static func translated(_ error: any Error) -> LabError? {
        if let error = error as? LabStoreError {
            let code: Code = if case .damaged = error { .storeDamaged } else { .storeUnreadable }
            return LabError(code, error.description, cause: error)
        }
        return FileSystemFailure.labError(from: error) ?? SQLiteFailure.labError(from: error)
    }

    /// A decoding error as "path: what is wrong" (just what is wrong at the top level, and
    /// "missing key 'name'" for a missing key).
    private static func reason(for error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _):
            return "missing key '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return describe(context.codingPath, context.debugDescription)
        @unknown default:
            return error.localizedDescription
        }
    }

    private static func describe(_ path: [any CodingKey], _ problem: String) -> String {
        path.isEmpty ? problem : "\(path.map(\.stringValue).joined(separator: ".")): \(problem)"
    }
}
