/// The data files of the sandbox template, and the generator calls that produce them.
///
/// `Sandbox/data/` is committed so that a learner can read it without running anything; this
/// list is the recipe, and a test checks that every committed file equals its recipe's output,
/// so the files cannot drift from the generator. Each test set is the 500 rows that follow
/// its training set's 2000 under the same seed: same population, no shared rows or ids.
package enum SandboxDataTemplates {
    package static let files: [SandboxDataFile] = [
        SandboxDataFile(path: "data/churn.csv", dataset: "churn", seed: 7, startRow: 0, rows: 2000),
        SandboxDataFile(path: "data/churn-test.csv", dataset: "churn", seed: 7, startRow: 2000, rows: 500),
        SandboxDataFile(path: "data/reviews.csv", dataset: "reviews", seed: 11, startRow: 0, rows: 2000),
        SandboxDataFile(path: "data/reviews-test.csv", dataset: "reviews", seed: 11, startRow: 2000, rows: 500),
        SandboxDataFile(path: "data/credit.csv", dataset: "credit", seed: 13, startRow: 0, rows: 2000),
        SandboxDataFile(path: "data/credit-test.csv", dataset: "credit", seed: 13, startRow: 2000, rows: 500),
    ]
}

/// One data file of the sandbox template: where it lives and how it is generated.
package struct SandboxDataFile: Sendable, Equatable {
    /// The path inside `Sandbox/`, such as `data/churn.csv`.
    package var path: String
    /// The ``DatasetGenerator`` name.
    package var dataset: String
    package var seed: UInt64
    package var startRow: Int
    package var rows: Int

    package init(path: String, dataset: String, seed: UInt64, startRow: Int, rows: Int) {
        self.path = path
        self.dataset = dataset
        self.seed = seed
        self.startRow = startRow
        self.rows = rows
    }

    /// The file's content as the generator draws it.
    package func generate() throws -> GeneratedDataset {
        try DatasetGenerator.generate(name: dataset, rows: rows, seed: seed, startRow: startRow)
    }
}
