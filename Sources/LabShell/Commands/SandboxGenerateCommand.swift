import ArgumentParser
import Foundation
import LabSupport
import PipelineEngine

extension SandboxCommand {
    /// `sandbox generate NAME [--rows N] [--seed S] [--out FILE]`: a data set like the
    /// templates, of any size, the same bytes for the same name, rows and seed.
    struct Generate: LabCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Generate a data set (churn, credit, reviews) of any size, deterministically from a seed.")

        @Argument(help: "churn, credit or reviews.")
        var name: String
        @Option(help: "How many rows.")
        var rows: Int = 2000
        @Option(help: "The seed; the same name, rows and seed give the same file.")
        var seed: UInt64 = 1
        @Option(help: "Where to write it (default: data/NAME-ROWS-sSEED.csv in your workspace).")
        var out: String?

        static var completion: CommandCompletion {
            CommandCompletion(values: .words(DatasetGenerator.names))
        }

        func run(in session: LabSession) throws -> Int32 {
            let path: String
            if let out {
                path = try session.outputPath(out)
            } else {
                // The default file is the workspace's own: written through its descriptor.
                let workspace = try session.workspace()
                path = try workspace.paths.resolve("data/\(name)-\(rows)-s\(seed).csv")
                try RegularFile.checkWritable(path)
                let dataset = try DatasetGenerator.generate(name: name, rows: rows, seed: seed)
                try workspace.files.write(Data(try dataset.interruptibleCSV().utf8), to: path, permissions: 0o600)
                session.console.line("Wrote \(rows) rows of \(name) (seed \(seed)) to \(path).")
                return 0
            }
            let dataset = try DatasetGenerator.generate(name: name, rows: rows, seed: seed)
            try session.writeOutput(
                Data(try dataset.interruptibleCSV().utf8), to: path, typed: out ?? path, makingFolder: true)
            session.console.line("Wrote \(rows) rows of \(name) (seed \(seed)) to \(path).")
            return 0
        }
    }
}
