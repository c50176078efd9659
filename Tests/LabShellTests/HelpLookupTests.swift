import ArgumentParser
import Testing

@testable import LabShell

/// `X --help` and `X Y --help` print X's (or X Y's) help, the same text as `help X Y`, for
/// every command and subcommand: never the help of `help` itself.
@Suite struct HelpLookupTests {
    /// Every command path in the table: `["edit"]`, `["pipeline"]`, `["pipeline", "dag"]`, ...
    static var commandPaths: [[String]] {
        func paths(_ command: any ParsableCommand.Type, prefix: [String]) -> [[String]] {
            let path = prefix + [command.commandWord]
            return [path] + CommandTable.subcommands(of: command).flatMap { paths($0, prefix: path) }
        }
        return CommandTable.commands.flatMap { paths($0, prefix: []) }
    }

    @Test(arguments: commandPaths.map { $0.joined(separator: " ") })
    func helpFlagShowsTheCommandsOwnHelp(path: String) throws {
        var command: any ParsableCommand.Type = try #require(
            CommandTable.command(named: String(path.split(separator: " ")[0])))
        for word in path.split(separator: " ").dropFirst() {
            command = try #require(CommandTable.subcommand(of: command, named: String(word)))
        }
        for flag in ["--help", "-h"] {
            let lab = try CapturedSession()
            #expect(lab.run("\(path) \(flag)") == 0)
            #expect(
                lab.out == Cicdlab.helpMessage(for: command, columns: lab.session.style.width) + "\n",
                "`\(path) \(flag)` printed: \(lab.out.prefix(120))")
            #expect(lab.err.isEmpty)
        }
    }

    @Test func helpFlagAfterArgumentsStillShowsTheSubcommandsHelp() throws {
        let lab = try CapturedSession()
        #expect(lab.run("pipeline dag other.yaml --help") == 0)
        #expect(lab.out.hasPrefix("OVERVIEW: Draw the pipeline's stage graph.\n"))
    }
}
