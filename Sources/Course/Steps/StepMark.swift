package import Foundation
import LabSupport
package import PipelineEngine

/// A snapshot of a sandbox taken when a step began: how far its runs, deployments, registry,
/// clock, served traffic and command journal had come.
///
/// Checks count only evidence past the mark, so a run, a deployment or a clock advance left by
/// an earlier step never completes a later one. A reset sandbox has no marks: everything in it
/// was made after the reset.
package struct StepMark: Codable, Sendable, Equatable {
    /// The highest pipeline run id.
    package var run = 0
    /// The highest deployment id.
    package var deployment = 0
    /// The highest registered model version.
    package var version = 0
    /// Where each alias pointed.
    package var aliases: [String: Int] = [:]
    /// The simulated clock.
    package var clock = SimulatedClock.defaultStart
    /// The number of journal entries.
    package var journal = 0
    /// The highest served request id.
    package var served = 0

    package init() {}

    /// The mark of a sandbox no step has touched yet.
    package static let origin = StepMark()

    /// Reads the sandbox's state now.
    package static func take(of workspace: Workspace) throws -> StepMark {
        var mark = StepMark()
        mark.run = try PipelineHistory(state: workspace.state).lastRunID()
        mark.deployment = try RolloutStore(state: workspace.state).latest()?.id ?? 0
        let versions = try ModelRegistry(workspace: workspace).list()
        mark.version = versions.last?.version ?? 0
        for version in versions {
            for alias in version.aliases { mark.aliases[alias] = version.version }
        }
        mark.served = try workspace.state.servedTraffic().lastRequestID
        mark.clock = try SimulatedClock(state: workspace.state).now()
        mark.journal = try CommandJournal(workspace: workspace.root).entries().count
        return mark
    }
}

/// The marks of a lesson's steps, kept in the sandbox (`.lab/step-marks.json`), so that a
/// reset, which empties `.lab/`, forgets them with the evidence they measured.
package struct StepMarks: Sendable {
    /// The workspace folder.
    package let workspace: String

    package init(workspace: String) {
        self.workspace = workspace
    }

    var file: String { workspace + "/.lab/step-marks.json" }

    /// Every step's mark, by step id.
    package func all() -> [String: StepMark] {
        guard let data = FileManager.default.contents(atPath: file) else { return [:] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        // A damaged file counts as no marks: every piece of evidence in the sandbox then counts.
        return (try? decoder.decode([String: StepMark].self, from: data)) ?? [:]
    }

    /// The mark of `step`; the origin when it has none.
    package func mark(of step: String) -> StepMark {
        all()[step] ?? .origin
    }

    /// Records `mark` as where `step` begins.
    package func set(_ mark: StepMark, for step: String) throws {
        var marks = all()
        marks[step] = mark
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try ConfinedDirectory(root: workspace).write(try encoder.encode(marks), to: file)
    }

    /// Marks `step` as beginning now, if the sandbox exists.
    package func begin(_ step: String) throws {
        guard FileManager.default.fileExists(atPath: workspace + "/.lab") else { return }
        try set(StepMark.take(of: try Workspace(root: workspace)), for: step)
    }
}

/// The lab commands run in a sandbox, one JSON line each (`.lab/journal.jsonl`): the evidence
/// for steps whose point is to read what a command shows (`monitor`, `rollout status`).
package struct CommandJournal: Sendable {
    /// One command that ran.
    package struct Entry: Codable, Sendable, Equatable {
        /// The command's words, without global options.
        package var words: [String]
        /// Its exit status (0 or 1; refused commands are not journalled).
        package var status: Int32
        /// The sandbox's simulated clock when it ended.
        package var clock: Date?

        package init(words: [String], status: Int32, clock: Date? = nil) {
            self.words = words
            self.status = status
            self.clock = clock
        }
    }

    package let workspace: String

    package init(workspace: String) {
        self.workspace = workspace
    }

    var file: String { workspace + "/.lab/journal.jsonl" }

    /// Appends an entry; one `write` of one line, so concurrent processes do not interleave.
    package func append(_ entry: Entry) throws {
        guard FileManager.default.fileExists(atPath: workspace + "/.lab") else { return }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var line = try encoder.encode(entry)
        line.append(0x0A)
        // Opened relative to the workspace's descriptor: a link planted in `.lab/` is refused.
        guard let fd = try ConfinedDirectory(root: workspace).open(file, flags: O_WRONLY | O_CREAT | O_APPEND) else {
            throw LabError(.journalUnwritable, "cannot write the command journal \(file)")
        }
        defer { close(fd) }
        _ = line.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
    }

    /// Every entry, oldest first; a line that cannot be read (cut off by a crash) is skipped.
    package func entries() throws -> [Entry] {
        guard let data = FileManager.default.contents(atPath: file) else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return data.split(separator: 0x0A).compactMap { try? decoder.decode(Entry.self, from: Data($0)) }
    }
}
