extension EvaluationReport {
    /// What this evaluation tells the gates about the candidate: metrics, latency percentiles,
    /// peak memory, fairness per slice column, and the columns and types of `data` (the table
    /// it was evaluated on).
    ///
    /// The champion's figures and shadow agreement are the caller's to add.
    package func gateEvidence(data: DataTable) -> GateEvidence {
        var metricValues: [String: Double] = [:]
        for entry in metrics.entries { metricValues[entry.name] = entry.value }
        var fairnessFigures: [String: [String: Double]] = [:]
        if let fairness, let column = slices.first?.column {
            var figures = ["equalized_odds_difference": fairness.equalizedOddsDifference]
            figures["demographic_parity_ratio"] = fairness.demographicParityRatio
            fairnessFigures[column] = figures
        }
        var columns: [String: ColumnType] = [:]
        for column in data.columns { columns[column.name] = column.type }
        return GateEvidence(
            metrics: metricValues, latencyMs: ["p50": latencyMs.p50, "p95": latencyMs.p95, "p99": latencyMs.p99],
            peakMemoryMb: peakMemoryMb, columns: columns, fairness: fairnessFigures)
    }
}
