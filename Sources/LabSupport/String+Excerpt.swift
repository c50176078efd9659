extension String {
    /// The text shortened to `limit` characters with `…` in the middle, for quoting what the
    /// user typed in a message without echoing a pasted megabyte back.
    package func excerpt(limit: Int = 60) -> String {
        guard count > limit else { return self }
        let half = Swift.max(1, (limit - 1) / 2)
        return String(prefix(half)) + "…" + String(suffix(half)) + " (\(count) characters)"
    }
}
