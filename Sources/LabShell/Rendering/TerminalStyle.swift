import Foundation

/// How output is drawn: with or without colour, and how wide the terminal is.
///
/// Colour is off when `--no-color` is given, when `NO_COLOR` is set (https://no-color.org), or
/// when standard output is not a terminal.
public struct TerminalStyle: Sendable {
    public var color: Bool
    public var width: Int

    public init(color: Bool, width: Int) {
        self.color = color
        self.width = width
    }

    /// Plain text, 80 columns: what tests and pipes get.
    public static let plain = TerminalStyle(color: false, width: 80)

    /// The style for this process's standard output.
    public static func detect(noColorFlag: Bool) -> TerminalStyle {
        let env = ProcessInfo.processInfo.environment
        let isTTY = isatty(STDOUT_FILENO) == 1
        let noColor = noColorFlag || (env["NO_COLOR"].map { !$0.isEmpty } ?? false) || !isTTY
        var width = 80
        if let columns = env["COLUMNS"].flatMap(Int.init), columns > 20 {
            width = columns
        } else if isTTY {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 {
                width = Int(size.ws_col)
            }
        }
        return TerminalStyle(color: !noColor, width: min(width, 120))
    }

    private func sgr(_ code: String, _ text: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    public func bold(_ text: String) -> String { sgr("1", text) }
    public func dim(_ text: String) -> String { sgr("2", text) }
    public func italic(_ text: String) -> String { sgr("3", text) }
    public func underline(_ text: String) -> String { sgr("4", text) }
    public func red(_ text: String) -> String { sgr("31", text) }
    public func green(_ text: String) -> String { sgr("32", text) }
    public func yellow(_ text: String) -> String { sgr("33", text) }
    public func blue(_ text: String) -> String { sgr("34", text) }
    public func cyan(_ text: String) -> String { sgr("36", text) }

    /// A verdict word coloured by outcome: green when good, red when bad.
    public func verdict(_ text: String, ok: Bool) -> String { ok ? green(text) : red(text) }
}

/// The number of terminal columns `text` occupies, ignoring ANSI colour codes.
public func displayWidth(_ text: String) -> Int {
    var width = 0
    var inEscape = false
    for scalar in text.unicodeScalars {
        if inEscape {
            if scalar == "m" { inEscape = false }
            continue
        }
        if scalar == "\u{1B}" { inEscape = true; continue }
        // ASCII has no combining marks; asking Unicode's tables for each character of a wide
        // report took a third of `drift` on 100,000 columns.
        if scalar.isASCII || scalar.properties.generalCategory != .nonspacingMark { width += 1 }
    }
    return width
}

/// `text` padded with spaces on the right (or left) to `width` display columns.
public func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let gap = max(0, width - displayWidth(text))
    let spaces = String(repeating: " ", count: gap)
    return right ? spaces + text : text + spaces
}
