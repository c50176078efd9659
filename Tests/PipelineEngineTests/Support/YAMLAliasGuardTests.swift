import Foundation
import Testing
import Yams

@testable import LabSupport
@testable import PipelineEngine

/// Aliases are refused in mapping keys and capped in values before Yams builds the tree, so
/// a few hundred bytes of YAML cannot keep a reader busy for hours.
@Suite struct YAMLAliasGuardTests {
    let reader = YAMLNodeReader(file: "hostile.yaml", codePrefix: "pipeline")

    /// Ten levels of `? &aN [*aM, ...]`: keys whose hash expands 9^9 nodes.
    static let aliasKeyBomb: String = {
        var text = "? &a0 [x, x, x, x, x, x, x, x, x]\n: v\n"
        for level in 1..<10 {
            let items = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            text += "? &a\(level) [\(items)]\n: v\n"
        }
        return text
    }()

    /// The same nine-fold growth used as values: a "billion laughs".
    static let valueBomb: String = {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<10 {
            text +=
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        return text
    }()

    @Test func anAliasInsideAMappingKeyIsRefusedWithItsLine() throws {
        #expect(
            throws: LabError(
                "pipeline.alias_in_key",
                "the alias *a0 is used in a mapping key; write the key out in full (aliases are not allowed in keys)",
                file: "hostile.yaml", line: 3, column: 8)
        ) {
            _ = try reader.compose(Self.aliasKeyBomb)
        }
    }

    @Test func aScalarAliasUsedAsAKeyIsRefused() throws {
        #expect(
            throws: LabError(
                "pipeline.alias_in_key",
                "the alias *k is used in a mapping key; write the key out in full (aliases are not allowed in keys)",
                file: "hostile.yaml", line: 2, column: 1)
        ) {
            _ = try reader.compose("a: &k name\n*k : value\n")
        }
    }

    @Test func anAliasBombUsedAsValuesIsRefusedWhereItCrossesTheLimit() throws {
        // a0 is 10 nodes, a1 91, a2 820, a3 7,381, a4 66,430: the first *a4 passes 100,000 added.
        #expect(
            throws: LabError(
                "pipeline.alias_expansion",
                "the aliases of this file expand to more than 100000 values (the alias *a4 alone to 66430); write the values out or use fewer aliases",
                file: "hostile.yaml", line: 6, column: 10)
        ) {
            _ = try reader.compose(Self.valueBomb)
        }
    }

    @Test func ordinaryAnchorsAndAliasesInValuesStillRead() throws {
        let text = """
            defaults: &defaults {kind: validate, data: data/train.csv}
            first: *defaults
            second: [*defaults, *defaults]
            note: "R&D uses a*b" # & and * in text are text
            """
        let root = try #require(try reader.compose(text))
        #expect(root["second"]?.sequence?.count == 2)
        #expect(root["first"]?["kind"]?.string == "validate")
        #expect(root["note"]?.string == "R&D uses a*b")
    }

    @Test func aTagDirectiveCannotHideAnAnchor() throws {
        let text = "%TAG ! tag:example.com,2000:\n---\n" + Self.aliasKeyBomb
        let error = try #require(throws: LabError.self) { _ = try reader.compose(text) }
        #expect(error.code == "pipeline.alias_in_key")
        #expect(error.line == 5)
    }

    @Test func anAliasToAnUndefinedAnchorIsStillYamlsSyntaxError() throws {
        let error = try #require(throws: LabError.self) { _ = try reader.compose("a: &x 1\nb: *y\n") }
        #expect(error.code == "pipeline.yaml_syntax")
        #expect(error.message.contains("found undefined alias"))
    }

    @Test func textWithoutBothAnAnchorAndAnAliasIsNotInspected() {
        #expect(!YAMLAliasGuard.mayExpand("a: *x\nb: 2*y\n"))
        #expect(!YAMLAliasGuard.mayExpand("a: R&D\n"))
        #expect(YAMLAliasGuard.mayExpand("a: &x 1\nb: *x\n"))
    }
}
