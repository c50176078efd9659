/// Drift of a free-text column, measured on two things a model sees change: how long the
/// texts are, and which words they use.
///
/// A text column gives two results: `length` (characters per value, compared as numbers with
/// the chosen method, or `auto`) and `tokens` (Jensen-Shannon distance between the word
/// frequencies over the ``TextDrift/topTokenCount`` most frequent words of both sides plus
/// "(other)"; PSI or chi-square when asked for by name). The column drifts when either does.
enum TextDrift {
    static let topTokenCount = 50

    /// Whether a string column reads as free text rather than categories.
    ///
    /// Training hashes a string column as words once it has more than
    /// `PreprocessingOptions.maxCategories` (20) distinct values; drift uses the same count
    /// and also asks for at least three words per value on average, so that identifiers and
    /// names (many values of one or two words) are still compared as categories. Judged on the
    /// reference's non-null values.
    static func isText(_ column: Column) -> Bool {
        guard case .string(let codes, let dictionary) = column.storage else { return false }
        var uses = [Int](repeating: 0, count: dictionary.count)
        for code in codes where code >= 0 { uses[Int(code)] += 1 }
        guard uses.filter({ $0 > 0 }).count > PreprocessingOptions().maxCategories else { return false }
        var values = 0
        var words = 0
        for (index, count) in uses.enumerated() where count > 0 {
            values += count
            words += count * tokens(dictionary[index]).count
        }
        return words >= 3 * values
    }

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
