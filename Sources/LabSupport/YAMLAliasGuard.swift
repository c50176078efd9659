import Foundation
import Yams

/// Refuses YAML whose aliases would make reading it explode, before Yams builds the tree.
///
/// Yams resolves an alias by sharing the anchored node, which is cheap, but then checks each
/// mapping for duplicate keys by hashing every key in full: ten levels of
/// `? &a1 [*a0, *a0, ...]` in a 500-byte file are billions of nodes to hash. Any reader that
/// walks the values (or writes them out again) pays the same for a "billion laughs" bomb
/// used as a value. So an alias anywhere inside a mapping key is refused, and so is a file
/// whose aliases add more than ``expansionLimit`` nodes to what is written in it.
///
/// Yams does not expose its event stream, so the check reads a skeleton of the text: every
/// `&` becomes `!` (an anchor `&a` becomes the tag `!a`, marking the node it named) and every
/// `*` a private-use character that no alias can expand (an alias `*a` becomes a plain
/// scalar), and directives comments. The skeleton has the same structure, lines and columns as the text, and no
/// anchors, so composing it is linear; walking it measures what the aliases would expand to.
/// Tags that merely look like anchors count as anchors: the measure errs on the large side.
package struct YAMLAliasGuard {
    /// The most nodes the aliases of one file may add to it.
    package static let expansionLimit = 100_000

    let reader: YAMLNodeReader

    package init(reader: YAMLNodeReader) {
        self.reader = reader
    }

    /// Throws a `LabError` naming the line when `text` uses an alias inside a mapping key or its
    /// aliases expand past ``expansionLimit``; returns at once when it has no anchor or alias.
    package func check(_ text: String) throws {
        guard Self.mayExpand(text) else { return }
        guard let placeholder = Self.unusedPlaceholder(in: text) else {
            throw LabError(
                .init(reader.codePrefix, .yamlAliases),
                "this file uses anchors and aliases and every private-use character from U+E000 to U+EFFF, so its aliases cannot be checked; write the values out instead of using aliases",
                file: reader.file)
        }
        var skeleton = String.UnicodeScalarView()
        var lineStart = true
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": skeleton.append("!")
            case "*": skeleton.append(placeholder)
            // A `%TAG` directive could give `!` another meaning: the skeleton has none.
            case "%" where lineStart: skeleton.append("#")
            default: skeleton.append(scalar)
            }
            lineStart = ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains(scalar)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: String(skeleton), .basic, .default, .utf8)
        } catch let error as YamlError {
            var labError = reader.syntaxError(error)
            labError.message = labError.message.replacingOccurrences(of: String(Character(placeholder)), with: "*")
            throw labError
        }
        guard let root else { return }
        try measure(root, placeholder: placeholder)
    }

    /// One step of the walk: a node to enter, or a collection whose children are all counted.
    private enum Step {
        case enter(Node, inKey: Bool)
        case leave(Node)
    }

    /// Walks the skeleton in document order (without recursion: nesting may be deep), adding up
    /// each node's size with its aliases expanded.
    private func measure(_ root: Node, placeholder: Unicode.Scalar) throws {
        var anchorSizes: [String: Int] = [:]
        var added = 0
        var totals = [0]  // the size so far of each collection being walked, the document first
        var steps = [Step.enter(root, inKey: false)]
        func finish(_ node: Node, size: Int) {
            totals[totals.count - 1] = Self.adding(totals[totals.count - 1], size)
            if let name = Self.anchorName(node) { anchorSizes[name] = max(anchorSizes[name] ?? 0, size) }
        }
        while let step = steps.popLast() {
            switch step {
            case .enter(let node, let inKey):
                switch node {
                case .scalar(let scalar):
                    guard let name = Self.aliasName(scalar, placeholder: placeholder) else {
                        finish(node, size: 1)
                        continue
                    }
                    if inKey {
                        throw reader.error(
                            .aliasInKey,
                            "the alias *\(name) is used in a mapping key; write the key out in full (aliases are not allowed in keys)",
                            at: node)
                    }
                    // An alias to no anchor (yet) is an error Yams reports when the text is read.
                    let size = anchorSizes[name] ?? 1
                    added = Self.adding(added, size - 1)
                    if added > Self.expansionLimit {
                        throw reader.error(
                            .aliasExpansion,
                            "the aliases of this file expand to more than \(Self.expansionLimit) values (the alias *\(name) alone to \(size < Int.max ? String(size) : "more than \(Int.max)")); write the values out or use fewer aliases",
                            at: node)
                    }
                    finish(node, size: size)
                case .sequence(let sequence):
                    steps.append(.leave(node))
                    totals.append(1)
                    for child in sequence.reversed() { steps.append(.enter(child, inKey: inKey)) }
                case .mapping(let mapping):
                    steps.append(.leave(node))
                    totals.append(1)
                    for (key, value) in mapping.reversed() {
                        steps.append(.enter(value, inKey: inKey))
                        steps.append(.enter(key, inKey: true))
                    }
                case .alias:
                    finish(node, size: 1)
                }
            case .leave(let node):
                finish(node, size: totals.removeLast())
            }
        }
    }

    /// Whether `text` has both an anchor and an alias (or text that looks like them).
    static func mayExpand(_ text: String) -> Bool {
        var anchor = false
        var alias = false
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if isAnchorByte(byte) {
                if previous == UInt8(ascii: "&") { anchor = true }
                if previous == UInt8(ascii: "*") { alias = true }
                if anchor && alias { return true }
            }
            previous = byte
        }
        return false
    }

    /// A character from U+E000 to U+EFFF that `text` does not contain.
    static func unusedPlaceholder(in text: String) -> Unicode.Scalar? {
        var used = Set<UInt32>()
        for scalar in text.unicodeScalars where (0xE000...0xEFFF).contains(scalar.value) { used.insert(scalar.value) }
        return (UInt32(0xE000)...0xEFFF).first { !used.contains($0) }.flatMap(Unicode.Scalar.init)
    }

    /// The anchor a skeleton node was given: its tag `!name`, when `name` could be an anchor.
    private static func anchorName(_ node: Node) -> String? {
        let tag = node.tag.rawValue
        guard tag.hasPrefix("!"), !tag.hasPrefix("!!") else { return nil }
        let name = tag.dropFirst()
        guard !name.isEmpty, name.utf8.allSatisfy(isAnchorByte) else { return nil }
        return String(name)
    }

    /// The alias a skeleton scalar stands for: a plain scalar that starts with the placeholder.
    private static func aliasName(_ scalar: Node.Scalar, placeholder: Unicode.Scalar) -> String? {
        guard scalar.style == .plain, scalar.string.unicodeScalars.first == placeholder else { return nil }
        return String(
            String.UnicodeScalarView(
                scalar.string.unicodeScalars.dropFirst().prefix { $0.isASCII && isAnchorByte(UInt8($0.value)) }))
    }

    /// The characters of anchor and alias names, as libyaml reads them.
    private static func isAnchorByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "-")
    }

    private static func adding(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }
}
