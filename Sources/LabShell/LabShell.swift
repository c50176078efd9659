import Foundation
import LabSupport

/// The entry point behind the `cicdlab` executable.
///
/// `cicdlab CMD ARGS` runs one command and exits; `cicdlab` alone opens the REPL, where the
/// same commands are typed. Exit status: 0 success, 1 a check failed, 2 bad usage or input.
package enum LabShell {
    /// Runs the executable's command line: one command, or the REPL when none is given.
    ///
    /// It reads the process's environment, writes to standard output and error, and catches
    /// Ctrl-C so that it stops the command under way instead of the process (``Interruption``).
    /// This is the target's only declaration another target uses.
    package static func main(arguments: [String]) -> Int32 {
        // Read once: Foundation builds the dictionary afresh on every call.
        let environment = ProcessInfo.processInfo.environment
        do {
            try WorkingDirectory.recover(environment: environment)
        } catch let error as LabError {
            Console.standard().error("error: " + error.description)
            return ExitStatus.of(error)
        } catch {
            return ExitStatus.badInput
        }
        return run(arguments: arguments, environment: environment, catchesInterrupts: true)
    }

    /// Runs one command (or the REPL when none is given) and returns the exit status.
    ///
    /// With `catchesInterrupts` (only ``main(arguments:)`` sets it) Ctrl-C stops the command
    /// under way instead of the process. Tests that run the shell inside their own process
    /// leave it off, so the test runner's signals stay as they were.
    static func run(
        arguments: [String],
        environment: [String: String] = ProcessInfo.processInfo.environment,
        console: Console = .standard(),
        catchesInterrupts: Bool = false
    ) -> Int32 {
        if arguments == ["--version"] || arguments == ["-V"] {
            console.line(cicdlabVersion)
            return 0
        }
        let options: GlobalOptions
        let rest: [String]
        do {
            (options, rest) = try GlobalOptions.extract(from: arguments)
        } catch let error as LabError {
            console.error("error: " + error.description)
            return ExitStatus.of(error)
        } catch {
            return 2
        }
        // Everything the lab creates (databases, their WAL files, history, workspaces) is private.
        umask(0o077)
        let interactive = rest.isEmpty && isatty(STDIN_FILENO) == 1
        let session = LabSession(
            options: options, environment: environment, console: console,
            isInteractive: interactive)
        // Ctrl-C stops the command under way (see `Interruption`); in the REPL the lab stays.
        if catchesInterrupts { Interruption.install(exitingOnRepeat: rest.isEmpty ? nil : ExitStatus.interrupted) }
        if rest.isEmpty {
            return Repl(session: session).run()
        }
        return Dispatcher.run(rest, in: session)
    }
}
