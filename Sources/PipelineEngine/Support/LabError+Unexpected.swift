extension LabError {
    /// The error a command ended with, as the user should read it: a `LabError` as it is, a
    /// database that cannot be used, a file-system or SQLite failure in plain words
    /// (``FileSystemFailure``, ``SQLiteFailure``), and anything else as `internal`, a fault of
    /// the lab itself.
    public static func describing(_ error: any Error) -> LabError {
        if let error = error as? LabError { return error }
        if let error = error as? LabStoreError {
            let code: Code = if case .damaged = error { .storeDamaged } else { .storeUnreadable }
            return LabError(code, error.description)
        }
        if let mapped = FileSystemFailure.labError(from: error) ?? SQLiteFailure.labError(from: error) { return mapped }
        return LabError(.internalError, "an unexpected error inside the lab (please report it): \(error)")
    }
}
