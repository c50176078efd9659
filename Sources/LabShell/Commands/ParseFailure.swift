import ArgumentParser
import Foundation
import LabSupport

/// What ArgumentParser refused, as a ``LabError``: its sentence, then the command's usage.
///
/// ArgumentParser reads a word starting with `-` as an option, so `clock advance -1d` would
/// say "Missing expected argument"; a negative value is named as such instead.
enum ParseFailure {
    /// The error for `error`, thrown while parsing `arguments` (global options removed).
    static func labError(for error: any Error, arguments: [String]) -> LabError {
        let path = CommandTable.commandPath(of: arguments)
        let shown = path.isEmpty ? "this command" : "`\(path.joined(separator: " "))`"
        var message: String
        if let negative = arguments.dropFirst(path.count).first(where: isNegativeNumber) {
            message = "'\(negative.excerpt())' is negative; \(shown) takes no negative values"
        } else {
            message = lowercasingFirst(Cicdlab.message(for: error))
        }
        if let type = commandType(at: path) {
            let usage = Cicdlab.usageString(for: type).trimmingCharacters(in: .whitespacesAndNewlines)
            message += ". Usage: \(usage) (`help \(path.joined(separator: " "))` explains it)"
        }
        return LabError(.usageArguments, message)
    }

    /// Whether `word` is a number with a minus sign (`-1`, `-1d`, `-0.5`), not an option.
    static func isNegativeNumber(_ word: String) -> Bool {
        guard word.hasPrefix("-"), let next = word.dropFirst().first else { return false }
        return next.isNumber || next == "."
    }

    /// The command type named by `path` (`["clock", "advance"]`), if any.
    private static func commandType(at path: [String]) -> (any ParsableCommand.Type)? {
        guard let first = path.first, var type = CommandTable.command(named: first) else { return nil }
        for word in path.dropFirst() {
            guard let sub = CommandTable.subcommand(of: type, named: word) else { break }
            type = sub
        }
        return type
    }

    /// ArgumentParser's sentence with a small first letter, as the lab's messages have.
    private static func lowercasingFirst(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = trimmed.first, first.isUppercase,
            trimmed.dropFirst().first.map({ !$0.isUppercase }) ?? true
        else { return trimmed }
        return first.lowercased() + trimmed.dropFirst()
    }
}
