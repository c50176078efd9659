import LabSupport

/// Drift of a free-text column, measured on two things a model sees change: how long the
/// texts are, and which words they use.
///
/// A text column gives two results: `length` (characters per value, compared as numbers with
/// the chosen method, or `auto`) and `tokens` (Jensen-Shannon distance between the word
/// frequencies over the ``TextDrift/topTokenCount`` most frequent words of both sides plus
/// "(other)"; PSI or chi-square when asked for by name). The column drifts when either does.
enum TextDrift {
    static let topTokenCount = 50

    /// Lower-cased runs of letters and digits: the words training hashes (`TextHashing.tokens`).
    static func tokens(_ text: String) -> [String] {
        TextHashing.tokens(text)
    }

    static func compare(
        name: String, reference: [String], current: [String],
        options: DriftOptions
    ) -> [DriftColumnResult] {
        var lengthOptions = options
        if options.method == .ztest { lengthOptions.method = .auto }
        let lengths = NumericDrift.compare(
            name: name, aspect: "length",
            reference: NumericSample(reference.map { Double($0.unicodeScalars.count) }),
            current: NumericSample(current.map { Double($0.unicodeScalars.count) }), options: lengthOptions)

        var tokenOptions = options
        if ![.psi, .chisquare, .jensenshannon].contains(options.method) { tokenOptions.method = .jensenshannon }
        let (refTokens, curTokens) = (tokenCounts(reference), tokenCounts(current))
        var tokenResult: DriftColumnResult
        if refTokens.isEmpty || curTokens.isEmpty {
            let side = refTokens.isEmpty ? "the reference" : "the current data"
            tokenResult = .skipped(name, "no words in \(side): cannot compare tokens", kind: .text)
            tokenResult.aspect = "tokens"
        } else {
            let (r, c) = folded(refTokens, curTokens)
            tokenResult = CategoricalDrift.compare(
                name: name, aspect: "tokens", kind: .text,
                reference: r, current: c, options: tokenOptions)
        }
        return [lengths, tokenResult]
    }

    static func tokenCounts(_ texts: [String]) -> [CodePoints: Int] {
        var counts: [CodePoints: Int] = [:]
        for text in texts {
            for token in tokens(text) { counts[CodePoints(token), default: 0] += 1 }
        }
        return counts
    }

    /// Both sides' counts over the most frequent tokens, the rest summed as "(other)".
    static func folded(_ r: [CodePoints: Int], _ c: [CodePoints: Int]) -> ([CodePoints: Int], [CodePoints: Int]) {
        var combined = r
        for (token, count) in c { combined[token, default: 0] += count }
        let top = combined.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(topTokenCount).map(\.key)
        let kept = Set(top)
        func fold(_ counts: [CodePoints: Int]) -> [CodePoints: Int] {
            var out: [CodePoints: Int] = [:]
            for (token, count) in counts {
                out[kept.contains(token) ? token : CodePoints("(other)"), default: 0] += count
            }
            return out
        }
        return (fold(r), fold(c))
    }
}
