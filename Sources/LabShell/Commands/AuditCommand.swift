import ArgumentParser
import Foundation
import LabSupport
import PipelineEngine

/// `audit [--limit N] [--action PREFIX]`: who did what in the sandbox, newest first.
///
/// Every deploy, promotion, rollback, alias move, registration, pipeline run and clock change
/// writes an entry to `state.sqlite`; this is where a learner reads the trail back.
struct AuditCommand: LabCommand, TopLevelCommand {
    static let helpGroup = HelpGroup.production

    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Show the audit log, newest first: who deployed, promoted, rolled back or moved an alias, and when.",
        discussion:
            "--action keeps the actions that start with PREFIX: `audit --action clock` shows clock.set and clock.advance."
    )

    @Option(help: ArgumentHelp("How many entries to show, newest first.", valueName: "n"))
    var limit = 20

    @Option(help: ArgumentHelp("Only actions that start with this, such as deploy or alias.", valueName: "prefix"))
    var action: String?

    static var completion: CommandCompletion {
        CommandCompletion(
            values: .dynamic { session in
                (try? session.workspace().state.auditLog(limit: 0).actions) ?? []
            })
    }

    func run(in session: LabSession) throws -> Int32 {
        guard limit >= 1 else {
            throw LabError(.usageBadLimit, "--limit is \(limit); expected a whole number of entries, 1 or more")
        }
        let page = try session.workspace().state.auditLog(limit: limit, actionPrefix: action)
        if session.wantsJSON {
            try session.console.json(page.entries)
        } else {
            session.console.line(AuditRendering.page(page, action: action, style: session.style))
        }
        return 0
    }
}

/// The audit log as a table: one row per entry, times as the lab shows them.
enum AuditRendering {
    static func page(_ page: AuditPage, action: String?, style: TerminalStyle) -> String {
        guard !page.entries.isEmpty else {
            guard let action, !action.isEmpty, !page.actions.isEmpty else {
                return
                    "The audit log is empty: deploys, promotions, rollbacks, alias moves, pipeline runs and clock changes are recorded as they happen."
            }
            return
                "No audit entries whose action starts with '\(action)'; the actions recorded are \(listing(page.actions))."
        }
        var table = TextTable(headers: ["TIME", "ACTOR", "ACTION", "SUBJECT", "DETAIL"])
        for entry in page.entries {
            table.append([RegistryCommand.stamp(entry.at), entry.actor, entry.action, entry.subject, entry.detail])
        }
        var text = table.render(style)
        let hidden = page.matching - page.entries.count
        if hidden > 0 {
            text +=
                "\n"
                + style.dim(
                    "\(hidden) older entr\(hidden == 1 ? "y" : "ies") not shown; `audit --limit \(page.matching)\(action.map { " --action \($0)" } ?? "")` shows all."
                )
        }
        return text
    }
}
