import LabSupport

/// A way to decide whether one column drifted, as `drift --method` names it.
package enum DriftMethod: String, Sendable, Codable, CaseIterable {
    /// Picks per column as Evidently does (see ``DriftDetector``).
    case auto
    /// Population stability index over the reference's deciles or the categories.
    case psi
    /// Two-sample Kolmogorov-Smirnov test.
    case ks
    /// First Wasserstein distance divided by the reference's standard deviation.
    case wasserstein
    /// Jensen-Shannon distance (natural log) over the same buckets as PSI.
    case jensenshannon
    /// Pearson's chi-square test against the reference's frequencies.
    case chisquare
    /// Two-proportion z-test, for columns with two values.
    case ztest

    /// Whether the method is a hypothesis test (judged on its p-value) rather than a distance.
    package var isTest: Bool {
        switch self {
        case .ks, .chisquare, .ztest: true
        case .auto, .psi, .wasserstein, .jensenshannon: false
        }
    }

    /// The default threshold: p ≤ 0.05 for tests, a distance of at least 0.1 otherwise.
    package var defaultThreshold: Double { isTest ? 0.05 : 0.1 }

    /// Whether a result of `statistic` (or `pValue` for tests) crosses `threshold`.
    func crosses(statistic: Double, pValue: Double?, threshold: Double) -> Bool {
        if isTest, let pValue { return pValue <= threshold }
        return statistic >= threshold
    }

    /// Parses a method name as the user typed it, or explains which names there are.
    package static func parse(_ text: String) throws -> DriftMethod {
        if let method = DriftMethod(rawValue: text.lowercased()) { return method }
        let names = allCases.map(\.rawValue)
        var message = "unknown drift method '\(text)'"
        if let guess = closestMatch(to: text.lowercased(), among: names) {
            message += ". Did you mean '\(guess)'?"
        }
        message += " (methods: \(names.joined(separator: ", ")))"
        throw LabError(.driftUnknownMethod, message)
    }
}

/// How a column's values are compared: as numbers, as categories, or as free text.
package enum DriftFeatureKind: String, Sendable, Codable {
    case numeric, categorical, text
}
