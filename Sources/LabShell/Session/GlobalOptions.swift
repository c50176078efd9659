import LabSupport

/// The options that apply to every command, taken out of the arguments before parsing.
///
/// They may stand anywhere before `--`: `cicdlab --json lessons` and `cicdlab lessons --json`
/// mean the same, in the shell and in the REPL alike.
struct GlobalOptions: Equatable, Sendable {
    var home: String?
    var profile: String?
    var content: String?
    var json = false
    var noColor = false
    /// `--no-pager`: long output is written directly, never through the pager.
    var noPager = false

    init() {}

    /// The options with a value, and the flags, that are global.
    static let valued = ["--home", "--profile", "--content"]
    static let flags = ["--json", "--no-color", "--no-pager"]

    /// Splits `arguments` into the global options and what is left for the command.
    static func extract(from arguments: [String]) throws -> (GlobalOptions, [String]) {
        var options = GlobalOptions()
        var rest: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                rest += arguments[index...]
                break
            }
            let (name, inlineValue) = splitInline(argument)
            if valued.contains(name) {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard index + 1 < arguments.count else {
                        throw LabError(.usageMissingValue, "\(name) needs a value, as in \(name) \(placeholder(name))")
                    }
                    index += 1
                    value = arguments[index]
                }
                switch name {
                case "--home": options.home = value
                case "--profile": options.profile = value
                default: options.content = value
                }
            } else if argument == "--json" {
                options.json = true
            } else if argument == "--no-color" {
                options.noColor = true
            } else if argument == "--no-pager" {
                options.noPager = true
            } else {
                rest.append(argument)
            }
            index += 1
        }
        return (options, rest)
    }

    private static func splitInline(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let eq = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<eq]), String(argument[argument.index(after: eq)...]))
    }

    private static func placeholder(_ name: String) -> String {
        switch name {
        case "--home": "DIR"
        case "--profile": "NAME"
        default: "DIR"
        }
    }
}
