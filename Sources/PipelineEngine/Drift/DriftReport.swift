/// The outcome of comparing a current table with its reference, column by column.
///
/// Encodes to the `drift --json` contract of DESIGN.md: `columns`, `drifted_columns`,
/// `share_drifted`, `dataset_drift`, plus the counts and the share that decides dataset drift.
package struct DriftReport: Sendable, Encodable {
    /// One entry per column (two for a text column: its lengths and its tokens).
    package var columns: [DriftColumnResult]
    /// How many distinct columns drifted.
    package var driftedColumns: Int
    /// How many distinct columns could be tested (skipped ones are not counted).
    package var testedColumns: Int
    /// `driftedColumns / testedColumns`, or 0 when nothing could be tested.
    package var shareDrifted: Double
    /// Whether `shareDrifted` reached `driftShare`.
    package var datasetDrift: Bool
    /// The share of drifted columns at which the dataset counts as drifted (0.5).
    package var driftShare: Double
    package var referenceRows: Int
    package var currentRows: Int
    /// How long the comparison took, tables already in memory (reading them not included).
    package var seconds: Double

    enum CodingKeys: String, CodingKey {
        case columns
        case driftedColumns = "drifted_columns"
        case testedColumns = "tested_columns"
        case shareDrifted = "share_drifted"
        case datasetDrift = "dataset_drift"
        case driftShare = "drift_share"
        case referenceRows = "reference_rows"
        case currentRows = "current_rows"
        case seconds
    }
}

/// The verdict on one column (or one aspect of a text column).
package struct DriftColumnResult: Sendable, Encodable {
    /// What a column's verdict is.
    package enum Verdict: String, Sendable, Encodable {
        case drift
        case noDrift = "no_drift"
        /// The column could not be tested; `reason` says why.
        case skipped
    }

    package var column: String
    /// `length` or `tokens` for the two entries of a text column, nil otherwise.
    package var aspect: String?
    package var kind: DriftFeatureKind?
    /// The method that ran (never `auto`); nil when the column was skipped before choosing.
    package var method: DriftMethod?
    /// The test statistic or distance; infinite for chi-square with a category never expected.
    ///
    /// JSON has no infinity: an infinite statistic is the string `"inf"` in `--json`, and
    /// `reason` says why (such as "'b' never seen in the reference: chi-square is infinite,
    /// p = 0"). Every other statistic is a number, or null when none was computed.
    package var statistic: Double?
    /// The p-value for tests, nil for distances.
    package var pValue: Double?
    package var threshold: Double?
    package var verdict: Verdict
    /// An effect size to read beside the p-value.
    ///
    /// A large sample makes a tiny shift significant; the effect size says how big it is.
    /// See ``EffectSize``.
    package var effectSize: EffectSize?
    /// Why the column was skipped, or a remark that explains an unusual verdict.
    package var reason: String?
    /// Non-null values compared on each side.
    package var referenceCount: Int
    package var currentCount: Int
    /// Reference and current shares over a few buckets, for drawing.
    package var histogram: DriftHistogram?

    package var drifted: Bool { verdict == .drift }

    enum CodingKeys: String, CodingKey {
        case column, aspect, kind, method, statistic, threshold, drifted, verdict, reason, histogram
        case pValue = "p_value"
        case effectSize = "effect_size"
        case effectSizeKind = "effect_size_kind"
        case effectMagnitude = "effect_magnitude"
        case referenceCount = "reference_count"
        case currentCount = "current_count"
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(column, forKey: .column)
        try c.encode(aspect, forKey: .aspect)
        try c.encode(kind, forKey: .kind)
        try c.encode(method, forKey: .method)
        // JSON has no infinity: an infinite statistic is the string "inf", and `reason` says why.
        if let statistic, statistic.isInfinite {
            try c.encode(statistic > 0 ? "inf" : "-inf", forKey: .statistic)
        } else {
            try c.encode(statistic.flatMap { $0.isFinite ? $0 : nil }, forKey: .statistic)
        }
        try c.encode(pValue, forKey: .pValue)
        try c.encode(threshold, forKey: .threshold)
        try c.encode(drifted, forKey: .drifted)
        try c.encode(verdict, forKey: .verdict)
        try c.encode(effectSize?.value, forKey: .effectSize)
        try c.encode(effectSize?.kind, forKey: .effectSizeKind)
        try c.encode(effectSize?.magnitude, forKey: .effectMagnitude)
        try c.encode(reason, forKey: .reason)
        try c.encode(referenceCount, forKey: .referenceCount)
        try c.encode(currentCount, forKey: .currentCount)
        try c.encode(histogram, forKey: .histogram)
    }
}

/// Reference and current shares over the same buckets: bins of numbers, categories or tokens.
package struct DriftHistogram: Sendable, Encodable, Equatable {
    package var labels: [String]
    package var reference: [Double]
    package var current: [Double]
}
