import Foundation

/// Judges a candidate model by its gates: evaluates it, compares it with the champion, and
/// runs the gates in order.
///
/// `gate check` and the pipeline's `gate` stage both use it.
package enum GateCheck {
    /// The model being compared against: the registry's champion.
    package struct Champion: Sendable {
        package var version: Int
        package var model: TrainedModel
        package var metrics: [String: Double]

        package init(version: Int, model: TrainedModel, metrics: [String: Double]) {
            self.version = version
            self.model = model
            self.metrics = metrics
        }
    }

    /// What a gate check measured and decided.
    package struct Outcome: Sendable, Encodable {
        package var evaluation: EvaluationReport
        package var gates: GateReport
        package var championVersion: Int?
        package var shadowAgreement: Double?
    }

    /// Evaluates `candidate` on `data` and runs `gates`.
    ///
    /// Fairness gates get the slice figures they name; shadow agreement is the share of rows
    /// where candidate and champion predict the same (class, or value within 1e-9 for
    /// regression). `identity` is the SHA-256 of the candidate's file, the hash its evaluation
    /// reports.
    package static func run(
        candidate: TrainedModel, data: DataTable, gates: [Gate], champion: Champion?, identity: String? = nil
    ) throws -> Outcome {
        let slices = Array(
            Set(
                gates.compactMap { gate -> String? in
                    if case .fairness(let slice, _, _) = gate.check { return slice }
                    return nil
                })
        ).sorted()
        let evaluation = try Evaluator.evaluate(candidate, on: data, slice: slices.first, identity: identity)
        var evidence = evaluation.gateEvidence(data: data)
        for slice in slices.dropFirst() {
            let sliced = try Evaluator.evaluate(candidate, on: data, slice: slice, timedRows: 0)
            evidence.fairness.merge(sliced.gateEvidence(data: data).fairness) { current, _ in current }
        }
        var agreement: Double?
        if let champion {
            evidence.championMetrics =
                gates.contains(where: { $0.type == "no_regression" })
                ? championMetrics(champion.model, on: data, recorded: champion.metrics) : champion.metrics
            evidence.championVersion = champion.version
            if gates.contains(where: { if case .latency(_, _, .some) = $0.check { true } else { false } }) {
                // Measured in turn on the same rows; a champion that cannot score them leaves
                // the evidence empty, and the gate fails rather than guess.
                evidence.relativeLatency = try? RelativeLatency.measure(
                    candidate: candidate, champion: champion.model, on: data)
            }
            if gates.contains(where: { $0.type == "shadow" }) {
                agreement = try shadowAgreement(candidate, champion.model, on: data)
                evidence.shadowAgreement = agreement
            }
        }
        return Outcome(
            evaluation: evaluation, gates: GateEvaluator.evaluate(gates, evidence: evidence),
            championVersion: champion?.version, shadowAgreement: agreement)
    }

    /// The champion's metrics measured on the candidate's own evaluation data, so that a
    /// regression gate compares like with like (the registry's figures come from each model's
    /// own held-out split).
    ///
    /// `recorded` stands in if the champion cannot score this data.
    package static func championMetrics(
        _ champion: TrainedModel, on data: DataTable, recorded: [String: Double]
    ) -> [String: Double] {
        guard let report = try? Evaluator.evaluate(champion, on: data, timedRows: 0) else { return recorded }
        return report.gateEvidence(data: data).metrics
    }

    /// The share of rows on which two models give the same answer.
    package static func shadowAgreement(_ a: TrainedModel, _ b: TrainedModel, on data: DataTable) throws -> Double {
        let first = try a.predict(data)
        let second = try b.predict(data)
        let rows = max(first.classIndices.count, first.values.count)
        guard rows > 0 else { return 1 }
        var same = 0
        if a.task == .regression {
            for i in 0..<rows where abs(first.values[i] - second.values[i]) <= 1e-9 { same += 1 }
        } else {
            let left = first.labels
            let right = second.labels
            for i in 0..<rows where left[i] == right[i] { same += 1 }
        }
        return Double(same) / Double(rows)
    }
}
