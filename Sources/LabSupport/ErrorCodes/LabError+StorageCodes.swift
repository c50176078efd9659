/// The error codes of workspaces, files, locks, the lab home and its databases.
extension LabError.Code {
    /// `file.delete`: a file inside a workspace could not be deleted; the message gives the reason.
    package static let fileDelete = Self("file.delete")
    /// `file.is_directory`, as in "is a folder; expected a CSV file".
    package static let fileIsDirectory = Self("file.is_directory")
    /// `file.not_found`: a file the command was given does not exist.
    package static let fileNotFound = Self("file.not_found")
    /// `file.not_regular`, as in "is …; expected a CSV file".
    package static let fileNotRegular = Self("file.not_regular")
    /// `file.read_failed`: the file system refused a read; the message says why in plain words.
    package static let fileReadFailed = Self("file.read_failed")
    /// `file.unreadable`: a file exists but cannot be read (permission, or not text).
    package static let fileUnreadable = Self("file.unreadable")
    /// `file.write`: a file inside a workspace could not be written; the message gives the reason.
    package static let fileWrite = Self("file.write")
    /// `file.write_failed`: the file system refused a write; the message says why in plain words.
    package static let fileWriteFailed = Self("file.write_failed")
    /// `home.cannot_create`, as in "cannot create the lab home …: …".
    package static let homeCannotCreate = Self("home.cannot_create")
    /// `home.not_a_directory`, as in "the lab home … is a file, not a folder; choose another with --home DIR".
    package static let homeNotADirectory = Self("home.not_a_directory")
    /// `internal`: a fault of the lab itself, an error nothing translated (please report it).
    package static let internalError = Self("internal")
    /// `interrupted`: the command was stopped by Ctrl-C; the shell prints "Interrupted." and exits with 130.
    package static let interrupted = Self("interrupted")
    /// `journal.unwritable`, as in "cannot write the command journal …".
    package static let journalUnwritable = Self("journal.unwritable")
    /// `lock.acquire`: another process holds a lock file and it could not be taken.
    package static let lockAcquire = Self("lock.acquire")
    /// `lock.open`, as in "cannot open the lock file …: …".
    package static let lockOpen = Self("lock.open")
    /// `state.corrupt`: the lab's state database holds a value no build of the lab writes.
    package static let stateCorrupt = Self("state.corrupt")
    /// `store.damaged`: a lab database is not a sound SQLite file; the message says how to start fresh.
    package static let storeDamaged = Self("store.damaged")
    /// `store.failed`, as in "a lab database could not be used: …".
    package static let storeFailed = Self("store.failed")
    /// `store.unreadable`: a lab database cannot be opened (a missing or read-only folder, a full disk).
    package static let storeUnreadable = Self("store.unreadable")
    /// `workspace.busy`, as in "… is running in this workspace; wait for it to finish, then try again".
    package static let workspaceBusy = Self("workspace.busy")
    /// `workspace.dangling_link`: a path goes through a symbolic link to nothing.
    package static let workspaceDanglingLink = Self("workspace.dangling_link")
    /// `workspace.empty_path`, as in "an empty path was given where a file was expected".
    package static let workspaceEmptyPath = Self("workspace.empty_path")
    /// `workspace.escape`, as in "'…' is not inside …; the lab writes only inside it".
    package static let workspaceEscape = Self("workspace.escape")
    /// `workspace.folder_not_file`, as in "'…' is the workspace folder itself; expected a file".
    package static let workspaceFolderNotFile = Self("workspace.folder_not_file")
    /// `workspace.lock`, as in "cannot create the workspace lock".
    package static let workspaceLock = Self("workspace.lock")
    /// `workspace.not_a_folder`, as in "is …, where the lab needs a folder".
    package static let workspaceNotAFolder = Self("workspace.not_a_folder")
    /// `workspace.symlink`, as in "is a symbolic link; the lab never writes, reads its outputs or deletes …".
    package static let workspaceSymlink = Self("workspace.symlink")

    /// Every code of workspaces, files, locks, the lab home and its databases, for the catalogue check.
    static let storageCodes: [Self] = [
        .fileDelete,
        .fileIsDirectory,
        .fileNotFound,
        .fileNotRegular,
        .fileReadFailed,
        .fileUnreadable,
        .fileWrite,
        .fileWriteFailed,
        .homeCannotCreate,
        .homeNotADirectory,
        .internalError,
        .interrupted,
        .journalUnwritable,
        .lockAcquire,
        .lockOpen,
        .stateCorrupt,
        .storeDamaged,
        .storeFailed,
        .storeUnreadable,
        .workspaceBusy,
        .workspaceDanglingLink,
        .workspaceEmptyPath,
        .workspaceEscape,
        .workspaceFolderNotFile,
        .workspaceLock,
        .workspaceNotAFolder,
        .workspaceSymlink,
    ]
}
