import ArgumentParser

/// The root of the command table: `cicdlab` with every command beneath it.
///
/// The global options are declared here so that `--help` and the shell completion scripts
/// show them; they are taken out of the arguments by ``GlobalOptions/extract(from:)`` before
/// parsing, so they may be written before or after the command name.
struct Cicdlab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cicdlab",
        abstract: "A terminal lab that teaches CI/CD for machine learning.",
        discussion: "Run without a command to open the lab's REPL. Type `help` there for the commands.",
        version: cicdlabVersion,
        subcommands: CommandTable.commands.map { $0 }
    )

    @Option(help: ArgumentHelp("The lab home: progress, history and sandboxes.", valueName: "dir"))
    var home: String?
    @Option(help: ArgumentHelp("The learner profile to use (default: the current one).", valueName: "name"))
    var profile: String?
    @Option(help: ArgumentHelp("Where the course content (Lessons/, Sandbox/) is.", valueName: "dir"))
    var content: String?
    @Flag(help: "Print machine-readable JSON.")
    var json = false
    @Flag(help: "Do not colour the output (NO_COLOR is honoured too).")
    var noColor = false
}

/// The list of commands.
///
/// Each names its own help group (``TopLevelCommand``), so a command
/// added here is listed by `help` and completed by Tab with nothing else to update.
enum CommandTable {
    /// Every top-level command, in the order `help` lists them within their ``HelpGroup``.
    static let commands: [any TopLevelCommand.Type] = [
        LessonsCommand.self,
        LessonCommand.self,
        NextCommand.self,
        BackCommand.self,
        StepsCommand.self,
        CheckCommand.self,
        HintCommand.self,
        QuizCommand.self,
        ReviewCommand.self,
        ProgressCommand.self,
        ExportCommand.self,
        ProfilesCommand.self,
        SandboxCommand.self,
        ScenarioCommand.self,
        DataCommand.self,
        DriftCommand.self,
        TrainCommand.self,
        EvaluateCommand.self,
        CompareCommand.self,
        ModelCommand.self,
        GateCommand.self,
        PipelineCommand.self,
        RegistryCommand.self,
        ClockCommand.self,
        EditCommand.self,
        DeployCommand.self,
        RolloutCommand.self,
        PromoteCommand.self,
        RollbackCommand.self,
        TrafficCommand.self,
        MonitorCommand.self,
        ReportCommand.self,
        AuditCommand.self,
        LintCommand.self,
        ClassCommand.self,
        HelpCommand.self,
        DoctorCommand.self,
        QuitCommand.self,
    ]

    /// The commands of `group`, in table order.
    static func commands(in group: HelpGroup) -> [any TopLevelCommand.Type] {
        commands.filter { $0.helpGroup == group }
    }

    /// The names of the top-level commands.
    static var names: [String] { commands.map { $0.commandWord } }

    /// The command type called `name`, if any.
    static func command(named name: String) -> (any ParsableCommand.Type)? {
        commands.first { $0.commandWord == name }
    }

    /// The command words at the start of `words` (`["pipeline", "dag"]` of
    /// `pipeline dag FILE`): the command, then each word that names a subcommand of the last.
    static func commandPath(of words: [String]) -> [String] {
        guard let first = words.first, var command = command(named: first) else { return [] }
        var path = [first]
        for word in words.dropFirst() {
            guard let sub = subcommand(of: command, named: word) else { break }
            path.append(word)
            command = sub
        }
        return path
    }

    /// The subcommand of `command` called `name`, if any.
    static func subcommand(of command: any ParsableCommand.Type, named name: String) -> (any ParsableCommand.Type)? {
        subcommands(of: command).first { $0.commandWord == name }
    }

    /// The subcommand types of a group command (such as `profiles list`).
    static func subcommands(of command: any ParsableCommand.Type) -> [any ParsableCommand.Type] {
        command.configuration.subcommands
    }
}

extension ParsableCommand {
    /// The word that names this command on a line (`profiles`, `create`), from its configuration.
    static var commandWord: String {
        configuration.commandName ?? String(describing: self)
    }
}
