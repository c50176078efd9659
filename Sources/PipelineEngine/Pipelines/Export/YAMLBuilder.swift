import Yams

/// Small helpers to build ordered YAML trees for the files the lab writes.
enum YAMLBuilder {
    static func map(_ pairs: [(String, Node)]) -> Node {
        .mapping(Node.Mapping(pairs.map { (Node($0.0), $0.1) }))
    }

    static func list(_ items: [Node], flow: Bool = false) -> Node {
        .sequence(Node.Sequence(items, .implicit, flow ? .flow : .block))
    }

    static func strings(_ items: [String], flow: Bool = false) -> Node {
        list(items.map { Node($0) }, flow: flow)
    }

    static func text(_ value: String) -> Node { Node(value) }

    /// A string that must stay a string when read back (`"0 2 * * 0"`, `'1.0'`).
    static func quoted(_ value: String) -> Node { Node(value, .implicit, .doubleQuoted) }

    /// A multi-line shell script, written as a `|` block.
    static func script(_ lines: [String]) -> Node {
        lines.count == 1 ? Node(lines[0]) : Node(lines.joined(separator: "\n") + "\n", .implicit, .literal)
    }

    /// Shell lines as one multi-line script text (for a list item written as a `|` block).
    static func lines(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }

    /// `{}`: an empty mapping.
    static var empty: Node { .mapping(Node.Mapping([], .implicit, .flow)) }

    static func serialize(_ node: Node, header: String) throws -> String {
        header + (try Yams.serialize(node: node, indent: 2, width: -1, allowUnicode: true))
    }
}
