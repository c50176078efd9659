/// The error codes of command-line usage and commands that run other programs.
extension LabError.Code {
    /// `edit.failed`, as in "the editor `…` exited with status …".
    package static let editFailed = Self("edit.failed")
    /// `edit.no_editor`, as in "no editor found; set $EDITOR (e.g.
    ///
    /// `export EDITOR=nano`)".
    package static let editNoEditor = Self("edit.no_editor")
    /// `usage.argument_too_long`, as in "an argument is too long: '…'; the lab takes at most … characters per …".
    package static let usageArgumentTooLong = Self("usage.argument_too_long")
    /// `usage.arguments`: the command line does not parse (ArgumentParser's message with the usage).
    package static let usageArguments = Self("usage.arguments")
    /// `usage.bad_difficulty`, as in "--difficulty is '…'; expected easy, medium or hard".
    package static let usageBadDifficulty = Self("usage.bad_difficulty")
    /// `usage.bad_format`: `--format` names no output format the command can write.
    package static let usageBadFormat = Self("usage.bad_format")
    /// `usage.bad_limit`, as in "--limit is …; expected a whole number of entries, 1 or more".
    package static let usageBadLimit = Self("usage.bad_limit")
    /// `usage.bad_param`, as in "--param expects KEY=VALUE, got '…'".
    package static let usageBadParam = Self("usage.bad_param")
    /// `usage.conflict`, as in "give --test FILE or --test-ratio R, not both".
    package static let usageConflict = Self("usage.conflict")
    /// `usage.missing_value`: a global option such as `--home` is given without its value.
    package static let usageMissingValue = Self("usage.missing_value")
    /// `usage.no_terminal`, as in "`edit` needs a terminal; open … in your editor instead".
    package static let usageNoTerminal = Self("usage.no_terminal")
    /// `usage.only_without_stage`, as in "--only runs one stage on its own; name it with --stage NAME".
    package static let usageOnlyWithoutStage = Self("usage.only_without_stage")
    /// `usage.out_is_folder`, as in "… names a folder; give a file path".
    package static let usageOutIsFolder = Self("usage.out_is_folder")
    /// `usage.sandbox_use`: `sandbox use` names neither the free sandbox nor a lesson.
    package static let usageSandboxUse = Self("usage.sandbox_use")
    /// `usage.section`, as in "lesson '…' has … pages; --section takes 1 to …, not …".
    package static let usageSection = Self("usage.section")
    /// `usage.start_option`, as in "--home, --profile and --content are chosen when the lab starts; in the …".
    package static let usageStartOption = Self("usage.start_option")
    /// `usage.unknown_command`: the first word is not a command (with the nearest one suggested).
    package static let usageUnknownCommand = Self("usage.unknown_command")
    /// `usage.unterminated_quote`, as in "the line has an unterminated … quote".
    package static let usageUnterminatedQuote = Self("usage.unterminated_quote")

    /// `shell.no_working_directory`: the folder the command was started in no longer exists.
    package static let shellNoWorkingDirectory = Self("shell.no_working_directory")

    /// Every code of command-line usage and commands that run other programs, for the catalogue check.
    static let shellCodes: [Self] = [
        .shellNoWorkingDirectory,
        .editFailed,
        .editNoEditor,
        .usageArgumentTooLong,
        .usageArguments,
        .usageBadDifficulty,
        .usageBadFormat,
        .usageBadLimit,
        .usageBadParam,
        .usageConflict,
        .usageMissingValue,
        .usageNoTerminal,
        .usageOnlyWithoutStage,
        .usageOutIsFolder,
        .usageSandboxUse,
        .usageSection,
        .usageStartOption,
        .usageUnknownCommand,
        .usageUnterminatedQuote,
    ]
}
