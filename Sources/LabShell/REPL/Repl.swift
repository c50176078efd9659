import Course
import Foundation
import LabSupport

/// The read-eval-print loop: reads command lines and runs each through the ``Dispatcher``.
///
/// At a terminal it uses the ``LineEditor`` (prompt, history, completion). Otherwise it reads
/// standard input line by line with no prompt, so scripts and tests can drive it.
struct Repl {
    let session: LabSession

    /// Runs until `quit`, Ctrl-D or the end of input; returns the exit status (0).
    ///
    /// Ctrl-C discards the line being typed, or stops the command under way and comes
    /// back here.
    func run() -> Int32 {
        session.inREPL = true
        let editor: LineEditor?
        if session.isInteractive {
            let completer = Completer(session: session, baseDirectory: nil)
            let lineEditor = LineEditor(historyFile: historyFile(), complete: completer.complete)
            session.readInput = { prompt in lineEditor.readLine(prompt: prompt) }
            editor = lineEditor
            session.console.line(greeting())
        } else {
            editor = nil
        }
        // Failing to set a damaged database aside leaves it as it was: commands then report it.
        try? session.offerToSetAsideDamagedStore()
        session.restoreReadingPosition()
        defer { session.stopReadingClock() }
        while !session.quitRequested {
            let line: String?
            if let editor {
                line = editor.readLine(prompt: prompt())
            } else {
                line = Swift.readLine(strippingNewline: true)
            }
            guard let line else {
                if editor != nil { session.console.line() }
                break
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            editor?.remember(trimmed)
            // A Ctrl-C pressed before this command (while reading) is not meant for it.
            Interruption.reset()
            _ = execute(trimmed)
        }
        return 0
    }

    /// Runs one typed line and returns its exit status.
    @discardableResult
    func execute(_ line: String) -> Int32 {
        do {
            let words = try CommandLineSplitter.split(line)
            let (lineOptions, rest) = try GlobalOptions.extract(from: words)
            if lineOptions.home != nil || lineOptions.profile != nil || lineOptions.content != nil {
                throw LabError(
                    .usageStartOption,
                    "--home, --profile and --content are chosen when the lab starts; in the REPL use `profiles switch NAME`"
                )
            }
            var options = session.startOptions
            options.json = session.startOptions.json || lineOptions.json
            options.noColor = session.startOptions.noColor || lineOptions.noColor
            options.noPager = session.startOptions.noPager || lineOptions.noPager
            session.options = options
            return Dispatcher.run(rest, in: session)
        } catch let error as LabError {
            return Dispatcher.report(error, in: session)
        } catch {
            return Dispatcher.report(LabError.describing(error), in: session)
        }
    }

    /// The prompt: the profile, and the lesson being read if any.
    func prompt() -> String {
        let profile = (try? session.profile()) ?? "?"
        let position = try? session.store().readingPosition(profile: profile)
        let free = position?.freeSandbox ?? false
        let place = session.currentLesson.map { "\(profile): \(free ? "free sandbox" : $0)" } ?? profile
        // The profile and lesson names are the learner's and the content's: escaped like any line.
        return "cicdlab (\(place))> ".terminalSafe
    }

    private func greeting() -> String {
        let style = session.style
        return style.bold("cicdlab \(cicdlabVersion)") + " · CI/CD for machine learning, hands on.\n"
            + "Type `help` for the commands, `lessons` to begin. Tab completes; Ctrl-C stops a command; Ctrl-D leaves."
    }

    private func historyFile() -> String? {
        do {
            try session.home.prepare()
            return session.home.historyFile
        } catch {
            return nil
        }
    }
}
