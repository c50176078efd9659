import Dispatch
import Foundation

/// Ctrl-C as a request, not a kill: long loops ask ``check()`` and stop with a ``LabError``.
///
/// ``install()`` ignores SIGINT's default action (ending the process) and lets a dispatch
/// signal source set a flag instead. Generation, CSV writing and pipeline runs check the flag
/// between rows or stages, so an interrupted command stops where nothing is half written.
package enum Interruption {
    /// The code of the error an interrupted command ends with.
    package static let code: LabError.Code = .interrupted
    private static let flag = Flag()
    nonisolated(unsafe) private static var source: (any DispatchSourceSignal)?

    /// Catches SIGINT from now on.
    ///
    /// With `exitingOnRepeat` (a status the shell chooses), a
    /// second Ctrl-C while the first is still pending ends the process with that status (a
    /// one-shot command stuck elsewhere).
    package static func install(exitingOnRepeat repeatStatus: Int32?) {
        guard source == nil else { return }
        signal(SIGINT, SIG_IGN)
        let signals = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        signals.setEventHandler {
            if let repeatStatus, flag.get() {
                FileHandle.standardError.write(Data("Interrupted.\n".utf8))
                _exit(repeatStatus)
            }
            flag.set(true)
        }
        signals.resume()
        source = signals
    }

    /// Whether Ctrl-C was pressed since the last ``reset()``.
    package static var requested: Bool { flag.get() }

    /// Forgets a Ctrl-C: the REPL calls it before each command.
    package static func reset() { flag.set(false) }

    /// Throws the "interrupted" error when Ctrl-C was pressed.
    package static func check() throws {
        if flag.get() { throw error }
    }

    /// The error an interrupted command ends with; the shell prints "Interrupted." for it.
    package static var error: LabError { LabError(code, "interrupted by Ctrl-C") }

    /// A Boolean shared between the signal queue and the command's thread.
    private final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func get() -> Bool { lock.withLock { value } }
        func set(_ new: Bool) { lock.withLock { value = new } }
    }
}
