extension LabError {
    /// A stable identifier for one kind of failure, such as `csv.ragged_row`.
    ///
    /// Every code is a static member of the catalogue (`ErrorCodes/`, one file a concept), so a
    /// code is named once, documented once and can be checked against the sources (a test
    /// compares ``all`` with the codes the sources use). The `rawValue` is what users see in
    /// `--json` output and scripts test against; it never changes.
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code as users see it: `csv.ragged_row`.
        package let rawValue: String

        init(_ rawValue: String) {
            self.rawValue = rawValue
        }

        package var description: String { rawValue }

        /// Every code with a static member of its own, one group a concept; codes made of a
        /// ``Document`` and a ``Problem`` are checked through `Document.all` and `Problem.all`.
        static let all: [Self] =
            dataCodes + trainingCodes + pipelinesCodes + deploymentCodes + storageCodes + courseCodes + shellCodes
    }
}
