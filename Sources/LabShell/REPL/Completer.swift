import ArgumentParser
import Foundation

/// Works out what Tab should offer for the text before the cursor.
///
/// Command words come from the command table, options from each command's own definition
/// (``OptionNames``) and values from its ``CommandCompletion``, so new commands bring their
/// own completion with them.
struct Completer {
    /// The session whose profiles, lessons and files feed dynamic candidates.
    let session: LabSession
    /// The folder relative file paths are completed against; nil follows the workspace that
    /// commands act on now (it changes with the lesson being read).
    var baseDirectory: String?

    private var base: String {
        baseDirectory ?? (try? session.workspacePath()) ?? FileManager.default.currentDirectoryPath
    }

    /// The word being completed and the candidates that could replace it, sorted unless their
    /// source has an order of its own (lessons come in course order).
    func complete(_ textBeforeCursor: String) -> (partial: String, candidates: [String]) {
        let endsWithSpace = textBeforeCursor.last.map(\.isWhitespace) ?? true
        var words = (try? CommandLineSplitter.split(textBeforeCursor)) ?? []
        let partial = endsWithSpace ? "" : (words.popLast() ?? "")
        let (found, ordered) = candidates(after: words, partial: partial)
        let matching = found.filter { $0.hasPrefix(partial) }
        return (partial, ordered ? matching : matching.sorted())
    }

    private func candidates(after words: [String], partial: String) -> (words: [String], ordered: Bool) {
        if case .ordered(let provider) = source(after: words, partial: partial) { return (provider(session), true) }
        return (unordered(after: words, partial: partial), false)
    }

    /// Where the values after `words` come from, when a command's values are being completed.
    private func source(after words: [String], partial: String) -> CompletionSource? {
        guard let first = words.first, var command = CommandTable.command(named: first) else { return nil }
        var consumed = 1
        while consumed < words.count,
            let sub = CommandTable.subcommand(of: command, named: words[consumed])
        {
            command = sub
            consumed += 1
        }
        if !CommandTable.subcommands(of: command).isEmpty, consumed == words.count { return nil }
        guard let lab = command as? any LabCommand.Type, !partial.hasPrefix("-") else { return nil }
        return lab.completion.values
    }

    private func unordered(after words: [String], partial: String) -> [String] {
        guard let first = words.first else { return CommandTable.names }
        guard var command = CommandTable.command(named: first) else { return [] }
        var consumed = 1
        while consumed < words.count,
            let sub = CommandTable.subcommand(of: command, named: words[consumed])
        {
            command = sub
            consumed += 1
        }
        let subcommands = CommandTable.subcommands(of: command)
        if !subcommands.isEmpty, consumed == words.count {
            return subcommands.map { $0.commandWord }
        }
        guard let lab = command as? any LabCommand.Type else { return [] }
        if partial.hasPrefix("-") {
            return OptionNames.long(of: lab) + GlobalOptions.flags
        }
        switch lab.completion.values {
        case .none: return []
        case .words(let words): return words
        case .dynamic(let provider), .ordered(let provider): return provider(session)
        case .files: return files(matching: partial)
        }
    }

    /// Paths under `baseDirectory` that start with `partial`; folders end in `/`.
    func files(matching partial: String) -> [String] {
        let slash = partial.lastIndex(of: "/")
        let directoryPart = slash.map { String(partial[...$0]) } ?? ""
        let searchIn: String
        if directoryPart.hasPrefix("/") {
            searchIn = directoryPart
        } else {
            searchIn = base + "/" + directoryPart
        }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: searchIn) else { return [] }
        return entries.filter { !$0.hasPrefix(".") || partial.hasPrefix(directoryPart + ".") }.map { entry in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: searchIn + "/" + entry, isDirectory: &isDirectory)
            return directoryPart + entry + (isDirectory.boolValue ? "/" : "")
        }
    }
}

/// The longest prefix that every string in `words` shares.
func commonPrefix(_ words: [String]) -> String {
    guard var prefix = words.first else { return "" }
    for word in words.dropFirst() {
        while !word.hasPrefix(prefix) { prefix.removeLast() }
    }
    return prefix
}
