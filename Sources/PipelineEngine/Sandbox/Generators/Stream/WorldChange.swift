/// A way the world changes under a deployed model, applied to a production stream by day.
///
/// Each is a failure real ML systems meet without any code change: inputs drift, an upstream
/// system starts sending broken text, the mix of outcomes moves, labels come back wrong, and
/// traffic surges around a holiday.
package enum WorldChange: Sendable, Equatable {
    /// From `fromDay`, the numeric column's distribution moves by `perDay` of its nominal
    /// standard deviation each day (day `fromDay` + 10 at 0.05 a day: half a deviation).
    case gradualDrift(column: String, perDay: Double, fromDay: Int)
    /// From `fromDay`, a share of the text column's values arrive wrapped in HTML by a broken
    /// scraper, with most of the text lost. The share rises linearly to `share` over
    /// `rampDays` days (0: all at once).
    case htmlCorruption(share: Double, fromDay: Int, rampDays: Int)
    /// From `fromDay`, the class shares move linearly to `target` (label → share) over
    /// `overDays` days, while each class's inputs stay as they were.
    case labelShift(target: [String: Double], fromDay: Int, overDays: Int)
    /// From `fromDay`, the odds of the positive label for the same inputs move (on the log
    /// scale, linearly) to `odds` times what they were over `overDays` days, while the inputs
    /// are drawn exactly as before: concept drift, P(y|x) changes and P(x) does not.
    case conceptDrift(odds: Double, fromDay: Int, overDays: Int)
    /// From `fromDay`, a share of the labels that come back are wrong: flipped to the other
    /// class, or for three classes to one of the other two. With `onlyFrom`, the wrong labels
    /// are all rows of that class (a one-sided labelling bug, which hurts a model far more
    /// than flips spread over both classes).
    case labelFlips(share: Double, fromDay: Int, onlyFrom: String? = nil)
    /// Requests multiply around a date each year (month, day), peaking at `peak` times the
    /// usual rate on the date and fading over about `widthDays` days either side.
    case holidaySurge(peak: Double, month: Int, day: Int, widthDays: Double)
    /// From `fromDay`, the serving code hands the model one numeric feature in other units
    /// than training used: its value times `factor` (100 for dollars sent as cents). The world
    /// and its outcomes are unchanged; only what the model receives differs, as with a bug in
    /// the serving path: training-serving skew.
    case servingUnits(column: String, factor: Double, fromDay: Int)

    /// The 24 December surge of the latency incident: four times the traffic at the peak.
    package static let christmasSurge = WorldChange.holidaySurge(peak: 4, month: 12, day: 24, widthDays: 3)

    /// The drift incident's broken product descriptions: 12 % of texts, within a week.
    package static func driftIncidentCorruption(fromDay: Int) -> WorldChange {
        .htmlCorruption(share: 0.12, fromDay: fromDay, rampDays: 6)
    }
}

/// What the world looks like on one day of a stream: the sum of the changes in force.
package struct WorldState: Sendable, Equatable {
    /// Per drifted column, its shift in nominal standard deviations, in the order first named.
    package var shifts: [ColumnShift]
    /// The share of texts corrupted with HTML.
    package var corruptedShare: Double
    /// The target share of each label (schema order) when a label shift is in force; empty otherwise.
    package var labelShares: [Double]
    /// The share of returned labels that are wrong.
    package var flippedShare: Double
    /// The class whose labels are flipped, when only one is.
    package var flippedFrom: String?
    /// Requests relative to a usual day.
    package var requestMultiplier: Double
    /// How far concept drift has moved the log-odds of the positive label for the same inputs.
    package var labelLogitShift: Double = 0
    /// Per column, the factor the serving path multiplies it by before the model sees it.
    package var servingFactors: [String: Double] = [:]

    /// How far one column has drifted.
    package struct ColumnShift: Sendable, Equatable {
        package var column: String
        package var deviations: Double
    }
}
