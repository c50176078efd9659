import LabSupport
import PipelineEngine

/// The exit status a command ends with, decided here and nowhere else: the engine says what
/// went wrong (a code and whether it is bad input or a failed check); the shell says how the
/// process ends.
enum ExitStatus {
    /// A check, gate or validation failed.
    static let failed: Int32 = 1
    /// Bad usage or bad input.
    static let badInput: Int32 = 2
    /// Stopped by Ctrl-C: 128 + SIGINT, as shells use.
    static let interrupted: Int32 = 130

    /// The status for `error`: 130 for Ctrl-C, 1 for a failed check, 2 for everything else.
    static func of(_ error: LabError) -> Int32 {
        if error.code == Interruption.code { return interrupted }
        return error.kind == .failed ? failed : badInput
    }
}
