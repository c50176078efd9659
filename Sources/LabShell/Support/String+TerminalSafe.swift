import Foundation

extension String {
    /// The text with control characters (other than newline and tab) written as `\u{1B}`, so
    /// that quoting what a user or a file supplied cannot move the cursor, clear the screen,
    /// retitle the terminal, write the clipboard (OSC 52) or reorder what is shown (bidi
    /// controls such as U+202E).
    var terminalSafe: String { terminalSafe(keepingStyle: false) }

    /// The text made safe for a terminal; with `keepingStyle`, the lab's own colour and
    /// emphasis sequences stay (`ESC [ 1;31 m`: the codes in ``styleCodes``, all a
    /// `TerminalStyle` writes) and every other control, including any other SGR such as
    /// conceal or a background colour, is escaped.
    ///
    /// A style left open is reset at the end, so quoted content cannot colour
    /// what follows it.
    func terminalSafe(keepingStyle: Bool) -> String {
        guard unicodeScalars.contains(where: Self.isControl) else { return self }
        let scalars = Array(unicodeScalars)
        var safe = String.UnicodeScalarView()
        var styleOpen = false
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if keepingStyle, scalar == "\u{1B}", let (end, codes) = Self.styleSequence(scalars, from: index) {
                safe.append(contentsOf: scalars[index...end])
                for code in codes { styleOpen = code != 0 }
                index = end + 1
                continue
            }
            if Self.isControl(scalar) {
                safe.append(
                    contentsOf: ("\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}").unicodeScalars)
            } else {
                safe.append(scalar)
            }
            index += 1
        }
        if styleOpen { safe.append(contentsOf: "\u{1B}[0m".unicodeScalars) }
        return String(safe)
    }

    /// The select-graphic-rendition codes the lab itself writes: reset, bold, dim, italic,
    /// underline, and the red, green, yellow, blue and cyan foregrounds.
    static let styleCodes: Set<Int> = [0, 1, 2, 3, 4, 31, 32, 33, 34, 36]

    /// The index of the `m` ending a select-graphic-rendition sequence starting at `start`,
    /// with its codes (`ESC [ m` is a reset), when every code is one of ``styleCodes``.
    private static func styleSequence(_ scalars: [Unicode.Scalar], from start: Int) -> (Int, [Int])? {
        guard start + 2 < scalars.count, scalars[start + 1] == "[" else { return nil }
        var index = start + 2
        var codes: [Int] = []
        var code = ""
        while index < scalars.count, index - start < 32 {
            let scalar = scalars[index]
            if scalar == "m" || scalar == ";" {
                guard let value = code.isEmpty ? 0 : Int(code), styleCodes.contains(value) else { return nil }
                codes.append(value)
                code = ""
                if scalar == "m" { return (index, codes) }
            } else if ("0"..."9").contains(scalar), code.count < 3 {
                code.unicodeScalars.append(scalar)
            } else {
                return nil
            }
            index += 1
        }
        return nil
    }

    /// C0 and C1 controls (but newline and tab), DEL, and the bidirectional controls that
    /// reorder text on screen (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0xA0 {
            return scalar != "\n" && scalar != "\t" && (value < 0x20 || value >= 0x7F)
        }
        return value == 0x061C || value == 0x200E || value == 0x200F || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
    }
}
