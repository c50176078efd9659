/// One behavioural test of a model, as in CheckList (Ribeiro et al., ACL 2020).
///
/// A test changes inputs in a way whose effect on the prediction is known in advance (none,
/// one direction, or a known label) and counts the rows where the model disagrees.
package struct BehaviouralTest: Sendable, Equatable {
    package var name: String
    package var check: Check
    /// A required test that fails makes `model test` exit 1; an advisory one is only reported.
    package var required: Bool
    /// The line the test starts on in its spec file.
    package var line: Int

    /// What the test changes and what it expects.
    package enum Check: Sendable, Equatable {
        /// Changing `column` must leave the prediction as it was for at least `mostly` of rows.
        case invariance(column: Located<String>, change: Change, mostly: Double)
        /// Moving the numeric `column` by `delta` must not move the prediction against `expect`.
        case directional(
            column: Located<String>, delta: Double, positiveClass: Located<String>?, expect: Direction,
            mostly: Double)
        /// Each listed row must be predicted its listed label.
        case minimum(rows: [ExpectedRow])
    }

    /// How an invariance test changes its column.
    package enum Change: Sendable, Equatable {
        /// Every row's value replaced by this one.
        case set(Located<String>)
        /// Values A and B exchanged; other values stay.
        case swap(Located<String>, Located<String>)
        /// The numeric value moved up and down by this much; both must leave the prediction alone.
        case perturb(Double)
    }

    /// Which way a directional test allows the prediction to move.
    package enum Direction: String, Sendable, Equatable, CaseIterable {
        case notDecrease = "not_decrease"
        case notIncrease = "not_increase"
    }

    /// A row a minimum-functionality test lists: feature values and the label it must get.
    package struct ExpectedRow: Sendable, Equatable {
        /// Each feature's value as written, with where it was written.
        package var values: [String: Located<String>]
        package var expect: Located<String>
        package var line: Int
    }

    /// The test's type as a spec file writes it.
    package var type: String {
        switch check {
        case .invariance: "invariance"
        case .directional: "directional"
        case .minimum: "minimum"
        }
    }
}

/// A value read from a spec file with the position it was written at, so that a problem
/// found only when the test meets a model or data can still name its line and column.
package struct Located<Value: Sendable & Equatable>: Sendable, Equatable {
    package var value: Value
    package var line: Int?
    package var column: Int?
}
