extension Charts {
    /// Bin counts drawn as one block per bin, scaled to the fullest bin; an empty bin stays
    /// blank so that gaps in a distribution show.
    static func histogram(_ counts: [Int]) -> String {
        let top = counts.max() ?? 0
        guard top > 0 else { return String(repeating: " ", count: counts.count) }
        return String(
            counts.map { count -> Character in
                count == 0 ? " " : sparkBlocks[min(7, Int((Double(count) / Double(top) * 7).rounded()))]
            })
    }
}
