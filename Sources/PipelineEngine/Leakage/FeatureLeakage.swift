/// How well one feature of the training file predicts the target on its own.
///
/// A number column (integer, double or boolean) is scored by its ROC AUC against a binary
/// target, as `roc_auc_score(y, x)` on the rows where both are present, and flagged when
/// `max(auc, 1 − auc)` is at least 0.99. A text column is split into categories (null is a
/// category of its own); a category is pure when it has at least 10 rows with a target and all
/// of them carry the same label. The column is flagged when pure categories cover at least
/// 99 % of the rows with a target.
package struct FeatureLeakage: Sendable, Encodable, Equatable {
    /// Which of the two measures applies.
    package enum Kind: String, Sendable, Encodable {
        case numeric, categorical
    }

    /// The smallest `max(auc, 1 − auc)` that flags a number column.
    package static let aucThreshold = 0.99
    /// The smallest share of rows in pure categories that flags a text column.
    package static let pureShareThreshold = 0.99
    /// The fewest rows a category needs before its purity counts.
    package static let minimumCategoryRows = 10

    package var feature: String
    package var kind: Kind
    /// Rows the measure used (both present for numbers; every row with a target for text).
    package var rows: Int
    /// `roc_auc_score(y, x)` with the positive class of ``LeakageReport/positiveClass``.
    package var auc: Double?
    /// `max(auc, 1 − auc)`: how well the feature separates the classes either way round.
    package var separation: Double?
    /// Share of rows in categories of at least 10 rows with one label.
    package var pureShare: Double?
    /// How many categories are pure.
    package var pureCategories: Int?
    /// How many categories there are (null counting as one).
    package var categories: Int?
    package var flagged: Bool
    /// Why no figure was computed, when none was.
    package var note: String?

    private enum CodingKeys: String, CodingKey {
        case feature, kind, rows, auc, separation
        case pureShare = "pure_share"
        case pureCategories = "pure_categories"
        case categories, flagged, note
    }

    /// Every key, null where a figure does not apply, so each feature has the same shape.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(feature, forKey: .feature)
        try container.encode(kind, forKey: .kind)
        try container.encode(rows, forKey: .rows)
        try container.encode(auc, forKey: .auc)
        try container.encode(separation, forKey: .separation)
        try container.encode(pureShare, forKey: .pureShare)
        try container.encode(pureCategories, forKey: .pureCategories)
        try container.encode(categories, forKey: .categories)
        try container.encode(flagged, forKey: .flagged)
        try container.encode(note, forKey: .note)
    }

    /// The AUC of a number column against a binary target.
    static func numeric(_ column: Column, target: TargetClasses) -> FeatureLeakage {
        var scores: [Double] = []
        var positive: [Bool] = []
        let positiveClass = target.positiveClass
        for row in 0..<column.count {
            guard let label = target.labels[row], let value = column.double(at: row) else { continue }
            scores.append(value)
            positive.append(label == positiveClass)
        }
        var result = FeatureLeakage(feature: column.name, kind: .numeric, rows: scores.count, flagged: false)
        guard let auc = ClassificationMetrics.rocAUC(positive: positive, scores: scores) else {
            result.note = "one class only where the feature has values"
            return result
        }
        let separation = max(auc, 1 - auc)
        result.auc = auc
        result.separation = separation
        result.flagged = separation >= aucThreshold
        return result
    }

    /// The purity of a text column's categories.
    static func categorical(_ column: Column, target: TargetClasses) -> FeatureLeakage {
        var rowsIn: [String?: Int] = [:]
        var labelOf: [String?: String] = [:]
        var mixed: Set<String?> = []
        var rows = 0
        for row in 0..<column.count {
            guard let label = target.labels[row] else { continue }
            let category = column.text(at: row)
            rows += 1
            rowsIn[category, default: 0] += 1
            if let seen = labelOf[category] {
                if seen != label { mixed.insert(category) }
            } else {
                labelOf[category] = label
            }
        }
        let pure = rowsIn.filter { $0.value >= minimumCategoryRows && !mixed.contains($0.key) }
        let pureRows = pure.values.reduce(0, +)
        let share = rows == 0 ? 0 : Double(pureRows) / Double(rows)
        return FeatureLeakage(
            feature: column.name, kind: .categorical, rows: rows, pureShare: share, pureCategories: pure.count,
            categories: rowsIn.count, flagged: rows > 0 && share >= pureShareThreshold)
    }
}
