import ArgumentParser
import LabSupport

/// `help [CMD [SUB]]`: the overview of commands, or one command's usage.
struct HelpCommand: LabCommand, TopLevelCommand {
    static let helpGroup = HelpGroup.theLab

    static let configuration = CommandConfiguration(
        commandName: "help",
        abstract: "Show the commands, or how to use one (`help profiles create`).")

    @Argument(help: "The command to explain.")
    var words: [String] = []

    static var completion: CommandCompletion {
        CommandCompletion(values: .words(CommandTable.names))
    }

    func run(in session: LabSession) throws -> Int32 {
        guard let first = words.first else {
            session.console.line(Self.overview(session.style))
            return 0
        }
        guard var command = CommandTable.command(named: first) else {
            var message = "Unknown command '\(first)'."
            if let guess = closestMatch(to: first, among: CommandTable.names) {
                message += " Did you mean '\(guess)'?"
            }
            throw LabError(.usageUnknownCommand, message)
        }
        for word in words.dropFirst() {
            guard let sub = CommandTable.subcommand(of: command, named: word) else {
                let names = CommandTable.subcommands(of: command).map { $0.commandWord }
                var message = "'\(first)' has no subcommand '\(word)'."
                if let guess = closestMatch(to: word, among: names) { message += " Did you mean '\(guess)'?" }
                throw LabError(.usageUnknownCommand, message)
            }
            command = sub
        }
        session.console.line(Cicdlab.helpMessage(for: command, columns: session.style.width))
        return 0
    }

    /// The grouped list of commands with their one-line summaries.
    static func overview(_ style: TerminalStyle) -> String {
        var lines = [style.bold("cicdlab \(cicdlabVersion)") + ": a terminal lab for CI/CD in machine learning", ""]
        let width = CommandTable.names.map(\.count).max() ?? 10
        for group in HelpGroup.allCases {
            lines.append(style.bold(group.title))
            for command in CommandTable.commands(in: group) {
                lines.append("  " + pad(style.cyan(command.commandWord), width + 2) + command.configuration.abstract)
            }
            lines.append("")
        }
        let footer =
            "Type `help COMMAND` for its options. Global options: --json, --no-color, --no-pager,"
            + " --profile NAME, --home DIR, --content DIR. Ctrl-C stops the command under way; `quit` or Ctrl-D leaves the REPL."
        let wrapper = WordWrapper(style: style)
        lines += wrapper.wrap(wrapper.tokens([InlineRun(text: footer, style: [])]), width: style.width)
        return lines.joined(separator: "\n")
    }
}

/// `quit`: leaves the REPL (Ctrl-D does the same).
struct QuitCommand: LabCommand, TopLevelCommand {
    static let helpGroup = HelpGroup.theLab

    static let configuration = CommandConfiguration(
        commandName: "quit", abstract: "Leave the lab (Ctrl-D does the same).", aliases: ["exit"])

    static var completion: CommandCompletion { CommandCompletion(values: .none) }

    func run(in session: LabSession) throws -> Int32 {
        session.quitRequested = true
        return 0
    }
}
