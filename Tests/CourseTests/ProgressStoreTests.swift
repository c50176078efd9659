import Foundation
import Testing

@testable import Course

@Suite struct ProgressStoreTests {
    @Test func createsAWALDatabaseWithItsMigrationsRecorded() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cicdlab-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try ProgressStore(path: dir.appendingPathComponent("progress.sqlite").path)
        #expect(try store.journalMode() == "wal")
        #expect(
            try store.appliedMigrations() == [
                "v1-profiles-progress-quiz-review", "v2-reading-position", "v3-step-hints", "v4-free-sandbox",
                "v5-review-answers-have-attempts",
            ])
        #expect(try store.integrityCheck() == "ok")
    }
}
