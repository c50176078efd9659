import ArgumentParser

/// The option and flag names a command declares, read from its own ArgumentParser help.
///
/// ArgumentParser's package API does not list a command's names, but the help it writes does:
/// each entry of its OPTIONS section starts at a two-space indent with the entry's names
/// (`--limit <limit>`, `-h, --help`, `--color/--no-color`), and descriptions are indented
/// further. So an option is declared once, on its property, and Tab completes it.
enum OptionNames {
    /// The long names of `command`'s options and flags (`--limit`, `--action`), in the order
    /// its help lists them; `--help` and `--version`, which every command has, are left out.
    static func long(of command: any ParsableCommand.Type) -> [String] {
        // Wide enough that no entry wraps.
        let help = command.helpMessage(includeHidden: false, columns: 10_000)
        var inOptions = false
        var names: [String] = []
        for line in help.split(separator: "\n") {
            if !line.hasPrefix(" ") {
                inOptions = line.hasPrefix("OPTIONS:")
                continue
            }
            guard inOptions, line.hasPrefix("  -") else { continue }
            let entry = line.dropFirst(2)
            let namesColumn = entry.firstRange(of: "  ").map { entry[..<$0.lowerBound] } ?? entry
            names += namesColumn.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "/" })
                .map(String.init)
                .filter { $0.hasPrefix("--") && !commonNames.contains($0) }
        }
        return names
    }

    private static let commonNames: Set<String> = ["--help", "--version"]
}
