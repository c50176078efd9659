import Foundation
import Testing

/// The lab's own writes inside a workspace (models, stage results, the artifact store, run
/// locks) never go through a symlink: one planted in `models/` or in `.lab/` is refused with
/// exit 2, naming it, and nothing outside the workspace is written.
@Suite struct LabFolderConfinementEndToEndTests {
    typealias Lab = ConfinementEndToEndTests.Lab

    static let linkRefusal =
        "is a symbolic link; the lab keeps its own state only in real files inside the workspace "
        + "(remove the link, or run `sandbox reset`)"
    static let folderRefusal =
        "is a symbolic link; the lab never writes, reads its outputs or deletes through a link inside the workspace "
        + "(remove the link, or run `sandbox reset`)"

    @Test(arguments: [".lab/results", ".lab/metrics", ".lab/artifacts", ".lab/runs"])
    func aLabFolderThatIsASymlinkOutIsRefused(folder: String) throws {
        let lab = try Lab()
        defer { lab.remove() }
        try? FileManager.default.removeItem(atPath: lab.workspace + "/" + folder)
        try FileManager.default.createSymbolicLink(
            atPath: lab.workspace + "/" + folder, withDestinationPath: lab.outside)
        for command in [["pipeline", "run"], ["sandbox", "status"], ["deploy", "v1"]] {
            let result = try lab.run(command)
            #expect(result.status == 2, "\(command): \(result.stdout)\(result.stderr)")
            #expect(result.stderr == "error: \(folder): \(Self.folderRefusal)\n", "\(command)")
        }
        try lab.outsideIsUntouched()
    }

    @Test func theStateDatabaseAsASymlinkIsRefused() throws {
        let lab = try Lab()
        defer { lab.remove() }
        let state = lab.workspace + "/.lab/state.sqlite"
        try FileManager.default.moveItem(atPath: state, toPath: lab.outside + "/state.sqlite")
        try FileManager.default.createSymbolicLink(atPath: state, withDestinationPath: lab.outside + "/state.sqlite")
        let result = try lab.run(["pipeline", "run"])
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr == "error: .lab/state.sqlite: \(Self.linkRefusal)\n")
    }

    @Test func aModelsFolderThatIsASymlinkOutIsNotWrittenThrough() throws {
        let lab = try Lab()
        defer { lab.remove() }
        try? FileManager.default.removeItem(atPath: lab.workspace + "/models")
        try FileManager.default.createSymbolicLink(atPath: lab.workspace + "/models", withDestinationPath: lab.outside)
        let result = try lab.run(["pipeline", "run"])
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("models/candidate.json' goes through a symlink that points outside"))
        try lab.outsideIsUntouched()
    }

    @Test func aPipelineOutputInsideTheLabFolderIsRefusedAtLoad() throws {
        let lab = try Lab()
        defer { lab.remove() }
        try lab.edit("pipeline.yaml", "outs: [models/candidate.json]", "outs: [.lab/state.sqlite]")
        let result = try lab.run(["pipeline", "run"])
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(
            result.stderr
                == "error: pipeline.yaml:18:12: '.lab/state.sqlite' is inside the lab's own .lab folder, which sandbox files may not name\n"
        )
        // The state database is whole: the run history is still readable.
        let runs = try lab.run(["pipeline", "runs"])
        #expect(runs.status == 0, "\(runs.stderr)")
    }

    /// A workspace whose `.lab/` is gone is rebuilt from the templates in place: a folder there
    /// that is now a symlink out is refused, not copied through.
    @Test func templatesAreNotCopiedThroughAFolderLinkedOut() throws {
        let lab = try Lab()
        defer { lab.remove() }
        try FileManager.default.removeItem(atPath: lab.workspace + "/.lab")
        try FileManager.default.removeItem(atPath: lab.workspace + "/data")
        try FileManager.default.createSymbolicLink(atPath: lab.workspace + "/data", withDestinationPath: lab.outside)
        let result = try lab.run(["sandbox", "status"])
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr == "error: data: \(Self.folderRefusal)\n")
        try lab.outsideIsUntouched()
    }
}
