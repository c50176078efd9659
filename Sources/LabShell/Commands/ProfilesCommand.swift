import ArgumentParser
import Course
import Foundation

/// `profiles [list|create NAME|switch NAME]`: the learners who share this lab home.
struct ProfilesCommand: TopLevelCommand {
    static let helpGroup = HelpGroup.learning

    static let configuration = CommandConfiguration(
        commandName: "profiles",
        abstract: "List, create or switch learner profiles.",
        subcommands: [List.self, Create.self, Switch.self],
        defaultSubcommand: List.self)

    /// `profiles list`: every profile, the current one marked.
    struct List: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the profiles; * marks the current one.")

        static var completion: CommandCompletion { CommandCompletion(values: .none) }

        func run(in session: LabSession) throws -> Int32 {
            let store = try session.store()
            let current = try session.profile()
            let profiles = try store.profiles()
            if session.wantsJSON {
                try session.console.json(
                    profiles.map { ProfileRow(name: $0.name, current: $0.name == current, createdAt: $0.createdAt) })
                return 0
            }
            var table = TextTable(headers: ["", "PROFILE", "CREATED"])
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withFullDate]
            for profile in profiles {
                table.append([
                    profile.name == current ? "*" : " ", profile.name, formatter.string(from: profile.createdAt),
                ])
            }
            session.console.line(table.render(session.style))
            return 0
        }

        struct ProfileRow: Encodable {
            var name: String
            var current: Bool
            var createdAt: Date
            enum CodingKeys: String, CodingKey {
                case name, current
                case createdAt = "created_at"
            }
        }
    }

    /// `profiles create NAME`: a new learner with fresh progress.
    struct Create: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "create", abstract: "Create a profile (it starts with no progress).")

        @Argument(help: "1 to 32 letters, digits, '-' or '_'.")
        var name: String

        static var completion: CommandCompletion { CommandCompletion(values: .none) }

        func run(in session: LabSession) throws -> Int32 {
            try session.store().createProfile(name)
            session.console.line("Created profile '\(name)'. Use `profiles switch \(name)` to learn as \(name).")
            return 0
        }
    }

    /// `profiles switch NAME`: learn as another profile from now on.
    struct Switch: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "switch", abstract: "Make another profile the current one.")

        @Argument(help: "An existing profile.")
        var name: String

        static var completion: CommandCompletion {
            CommandCompletion(
                values: .dynamic { session in
                    (try? session.store().profiles().map(\.name)) ?? []
                })
        }

        func run(in session: LabSession) throws -> Int32 {
            try session.store().switchProfile(to: name)
            session.profileDidChange(to: name)
            session.console.line("Now learning as '\(name)'.")
            return 0
        }
    }
}
