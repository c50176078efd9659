/// The edit distance between two strings, counting an adjacent transposition as one edit.
///
/// This is the optimal-string-alignment variant of Damerau-Levenshtein distance, because the
/// commonest typing slips are a missing, extra, wrong or swapped letter (`qiuz` for `quiz`).
package func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    // Three rows of the table (the transposition looks two rows back), not the whole table.
    var before = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                current[j] = min(current[j], before[j - 2] + 1)
            }
        }
        swap(&before, &previous)
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// The candidate closest to `word`, if any is close enough to be a likely typo.
///
/// "Close enough" allows one edit for short words and about a third of the length for longer
/// ones, which catches `lesons` → `lessons` without proposing unrelated words.
package func closestMatch(to word: String, among candidates: [String]) -> String? {
    let limit = max(1, word.count / 3)
    var best: (String, Int)?
    let lowered = word.lowercased()
    for candidate in candidates {
        // The distance is at least the difference in length: no need to compute it (a pasted
        // megabyte would take minutes against every command name).
        guard abs(candidate.count - word.count) <= limit else { continue }
        let distance = editDistance(lowered, candidate.lowercased())
        if distance <= limit, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
    }
    if best == nil, !word.isEmpty {
        // A prefix is a good guess too: `lessons` for `less`, and `min` for `minimum`.
        best =
            candidates.first { $0.hasPrefix(word) }.map { ($0, 0) }
            ?? candidates.filter { $0.count >= 3 && word.hasPrefix($0) }.max { $0.count < $1.count }.map { ($0, 0) }
    }
    return best?.0
}
