/// How far one feature of a day's production has moved from the reference.
package struct FeatureDrift: Sendable, Equatable, Codable {
    /// The column, with the aspect for text (`text (length)`).
    package var column: String
    package var method: DriftMethod
    package var statistic: Double
    package var pValue: Double?
    package var threshold: Double
    package var drifted: Bool

    enum CodingKeys: String, CodingKey {
        case column, method, statistic, threshold, drifted
        case pValue = "p_value"
    }
}

/// Drift of production against a reference week, day by day: what `monitor` charts and what
/// a `drift` trigger watches.
///
/// The reference is the stream's first week (its days before anything in a scenario
/// changes), so the question each day is the one Evidently asks of a model in production:
/// does today's input still look like what the model was validated on? Each day is judged on
/// the three days ending with it: one day of 200 rows gives PSI values up to about 0.25 by
/// chance alone, three days stay under 0.06 in an unchanging world, so a 0.2 threshold means
/// something.
struct ProductionDrift {
    let stream: ProductionStream
    let reference: DataTable
    /// The input columns compared: the stream's features and text.
    let columns: [String]
    /// The stream days the reference is made of.
    let referenceDays: Range<Int>
    /// How many days, ending with the day judged, make up the current data.
    static let windowDays = 3

    init(stream: ProductionStream, historyDays: Int) {
        self.stream = stream
        referenceDays = 0..<max(1, min(7, historyDays))
        reference = ProductionRows.from(stream, days: referenceDays.lowerBound...(referenceDays.upperBound - 1)).table
        columns = stream.schema.columns.filter { $0.role == .feature || $0.role == .text }.map(\.name)
    }

    /// The production judged on stream day `day`: the rows of the three days ending with it.
    func current(day: Int) -> DataTable {
        ProductionRows.from(stream, days: max(0, day - Self.windowDays + 1)...day).table
    }

    /// The drift of every compared column on stream day `day`, by `method` (its default
    /// threshold unless `threshold` is given).
    func drift(day: Int, method: DriftMethod, threshold: Double?) throws -> [FeatureDrift] {
        let current = current(day: day)
        let report = try DriftDetector.compare(
            reference: reference, current: current,
            options: DriftOptions(method: method, columns: columns, threshold: threshold))
        return FeatureDrift.list(report)
    }
}

extension FeatureDrift {
    /// Each compared column of `report` that has a statistic, with its verdict.
    static func list(_ report: DriftReport) -> [FeatureDrift] {
        report.columns.compactMap { result in
            guard let statistic = result.statistic, let method = result.method, let limit = result.threshold else {
                return nil
            }
            let name = result.aspect.map { "\(result.column) (\($0))" } ?? result.column
            return FeatureDrift(
                column: name, method: method, statistic: statistic, pValue: result.pValue,
                threshold: limit, drifted: result.drifted)
        }
    }
}
