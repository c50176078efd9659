extension String {
    /// The text shortened to `limit` characters with `…` in the middle, for quoting what the
    /// user typed in a message without echoing a pasted megabyte back.
    public func excerpt(limit: Int = 60) -> String {
        guard count > limit else { return self }
        let half = Swift.max(1, (limit - 1) / 2)
        return String(prefix(half)) + "…" + String(suffix(half)) + " (\(count) characters)"
    }
}

extension String {
    /// The text with control characters (other than newline and tab) written as `\u{1B}`, so
    /// that quoting what a user or a file supplied cannot move the cursor, clear the screen or
    /// retitle the terminal.
    public var terminalSafe: String { terminalSafe(keepingStyle: false) }

    /// The text made safe for a terminal; with `keepingStyle`, colour and emphasis sequences
    /// (`ESC [ 1;31 m`, all a ``TerminalStyle`` writes) stay, every other control is escaped.
    public func terminalSafe(keepingStyle: Bool) -> String {
        guard unicodeScalars.contains(where: Self.isControl) else { return self }
        let scalars = Array(unicodeScalars)
        var safe = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if keepingStyle, scalar == "\u{1B}", let end = Self.styleSequenceEnd(scalars, from: index) {
                safe.append(contentsOf: scalars[index...end])
                index = end + 1
                continue
            }
            if Self.isControl(scalar) {
                safe.append(contentsOf: ("\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}").unicodeScalars)
            } else {
                safe.append(scalar)
            }
            index += 1
        }
        return String(safe)
    }

    /// The index of the `m` ending a select-graphic-rendition sequence starting at `start`.
    private static func styleSequenceEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 2 < scalars.count, scalars[start + 1] == "[" else { return nil }
        var index = start + 2
        while index < scalars.count, index - start < 32 {
            let scalar = scalars[index]
            if scalar == "m" { return index }
            guard ("0"..."9").contains(scalar) || scalar == ";" else { return nil }
            index += 1
        }
        return nil
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\n" && scalar != "\t" && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
    }
}
