import ArgumentParser
import Course
import Foundation
import LabSupport
import PipelineEngine

/// `doctor`: versions, where everything is, and whether the databases are healthy: the
/// progress database and every sandbox's `state.sqlite`, each checked with
/// `PRAGMA integrity_check` and reported by path.
struct DoctorCommand: LabCommand, TopLevelCommand {
    static let helpGroup = HelpGroup.theLab

    static let configuration = CommandConfiguration(
        commandName: "doctor", abstract: "Report versions, paths and database health.")

    @Flag(help: "If progress.sqlite is damaged, keep it under another name and start a fresh one.")
    var repair = false

    static var completion: CommandCompletion { CommandCompletion(values: .none) }

    func run(in session: LabSession) throws -> Int32 {
        if repair {
            do {
                _ = try ProgressStore(path: session.home.progressDatabase)
                session.console.line("progress.sqlite is sound; nothing to repair.")
            } catch LabStoreError.damaged(let path, _) {
                let aside = try SQLiteFile.setAside(path: path, now: WallClock.now())
                session.console.line("Kept the damaged file as \(aside); a fresh progress.sqlite is created now.")
            }
        }
        var report = DoctorReport()
        report.version = cicdlabVersion
        report.home = session.home.path
        report.historyFile = session.home.historyFile
        if let content = session.content {
            report.content = content.root
            report.contentFoundBy = content.foundBy
            report.lessons = (try? LessonCatalog.load(from: content.lessonsDirectory).lessons.count) ?? 0
        }
        report.progressDatabase = session.home.progressDatabase
        do {
            let store = try session.store()
            report.profile = try session.profile()
            report.sqliteVersion = try store.sqliteVersion()
            report.journalMode = try store.journalMode()
            report.integrity = try store.integrityCheck()
            report.migrations = try store.appliedMigrations()
        } catch {
            report.integrity = LabError.describing(error).message
        }
        let workspaces =
            SQLiteFile.workspaceDatabases(under: session.home.sandboxesDirectory, depth: 1)
            + SQLiteFile.workspaceDatabases(under: session.home.lessonSandboxesDirectory, depth: 2)
        report.workspaceDatabases = workspaces.map { .init(path: $0, integrity: SQLiteFile.integrity(path: $0)) }
        report.healthy =
            report.integrity == "ok" && report.journalMode == "wal" && report.content != nil
            && report.workspaceDatabases.allSatisfy { $0.integrity == "ok" }

        if session.wantsJSON {
            try session.console.json(report)
        } else {
            let style = session.style
            var table = TextTable(headers: ["CHECK", "VALUE"])
            table.append(["cicdlab", report.version])
            table.append(["SQLite", report.sqliteVersion])
            table.append(["home", report.home])
            table.append(["profile", report.profile ?? "?"])
            table.append([
                "content",
                report.content.map { "\($0) (found by \(report.contentFoundBy ?? "?"), \(report.lessons) lessons)" }
                    ?? style.red("not found: pass --content DIR or set CICDLAB_CONTENT"),
            ])
            table.append(["progress.sqlite", report.progressDatabase])
            table.append(["  journal mode", style.verdict(report.journalMode ?? "?", ok: report.journalMode == "wal")])
            table.append(["  integrity", style.verdict(report.integrity ?? "?", ok: report.integrity == "ok")])
            table.append(["  migrations", report.migrations.joined(separator: ", ")])
            for database in report.workspaceDatabases {
                table.append(["state.sqlite", database.path])
                table.append(["  integrity", style.verdict(database.integrity, ok: database.integrity == "ok")])
            }
            table.append(["history", report.historyFile])
            session.console.line(table.render(style))
            session.console.line(
                report.healthy ? style.green("\nAll good.") : style.red("\nSomething needs attention (see above)."))
        }
        return report.healthy ? 0 : 1
    }
}

/// What `doctor` found, also its `--json` output.
struct DoctorReport: Encodable {
    var version = ""
    var sqliteVersion = ""
    var home = ""
    var profile: String?
    var content: String?
    var contentFoundBy: String?
    var lessons = 0
    var progressDatabase = ""
    var journalMode: String?
    var integrity: String?
    var migrations: [String] = []
    /// Every sandbox's engine database, free and lesson sandboxes alike.
    var workspaceDatabases: [DatabaseHealth] = []
    var historyFile = ""
    var healthy = false

    enum CodingKeys: String, CodingKey {
        case version, home, profile, content, lessons, integrity, migrations, healthy
        case sqliteVersion = "sqlite_version"
        case contentFoundBy = "content_found_by"
        case progressDatabase = "progress_database"
        case journalMode = "journal_mode"
        case historyFile = "history_file"
        case workspaceDatabases = "workspace_databases"
    }

    /// One database and what `PRAGMA integrity_check` said of it.
    struct DatabaseHealth: Encodable {
        var path: String
        var integrity: String
    }
}
