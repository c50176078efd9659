import ArgumentParser

/// A command named first on a line (`lessons`, `profiles`, `quit`): it says where `help` lists it.
///
/// A new command conforms, names its ``HelpGroup`` and takes its place in
/// ``CommandTable/commands``; `help` then lists it under that group with its abstract.
protocol TopLevelCommand: ParsableCommand {
    /// The group of the `help` overview this command is listed under.
    static var helpGroup: HelpGroup { get }
}

/// The groups of the `help` overview, in the order it shows them.
enum HelpGroup: CaseIterable {
    case learning
    case sandboxAndEngine
    case production
    case authoring
    case theLab

    /// The group's heading in the overview.
    var title: String {
        switch self {
        case .learning: "Learning"
        case .sandboxAndEngine: "Sandbox and engine"
        case .production: "Production"
        case .authoring: "Authoring"
        case .theLab: "The lab"
        }
    }
}
