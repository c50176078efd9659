import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

/// Every error code is named once, in the catalogue (`Support/ErrorCodes/`), and used: a code
/// the sources stop using leaves the catalogue, and a new code cannot be made anywhere else.
@Suite struct ErrorCatalogueTests {
    /// The package's `Sources` folder, found from this file.
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources").path
    static let catalogue = sources + "/LabSupport/ErrorCodes"

    /// The text of every Swift file under `folder`, by path.
    static func swiftFiles(under folder: String) -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            files[folder + "/" + relative] = try? String(contentsOfFile: folder + "/" + relative, encoding: .utf8)
        }
        return files
    }

    /// The `(member, raw value)` pairs declared as `package static let member = Self("raw")` in
    /// `text`.
    static func members(in text: String) -> [(name: String, raw: String)] {
        let pattern = /package static let (\w+) = Self\("([^"]*)"\)/
        return text.matches(of: pattern).map { (String($0.output.1), String($0.output.2)) }
    }

    static var catalogueFiles: [String: String] { swiftFiles(under: catalogue) }
    static var codeMembers: [(name: String, raw: String)] {
        catalogueFiles.filter { !$0.key.hasSuffix("YAMLCodes.swift") }.values.flatMap(members)
    }
    static var yamlText: String { catalogueFiles.first { $0.key.hasSuffix("YAMLCodes.swift") }?.value ?? "" }
    /// The sources outside the catalogue.
    static var usingFiles: [String] {
        swiftFiles(under: sources).filter { !$0.key.hasPrefix(catalogue) }.map(\.value)
    }

    /// Whether `.name` appears in `texts` as a whole member name.
    static func isUsed(_ name: String, in texts: [String]) -> Bool {
        let pattern = try! Regex("\\.\(name)(?![A-Za-z0-9_])")
        return texts.contains { $0.contains(pattern) }
    }

    @Test func allListsEveryCatalogueCodeOnce() {
        let declared = Self.codeMembers.map(\.raw)
        #expect(declared.count > 150)
        #expect(Set(declared).count == declared.count, "a raw code is declared twice")
        #expect(LabError.Code.all.map(\.rawValue).sorted() == declared.sorted())
    }

    @Test func everyCatalogueCodeIsUsedInTheSources() {
        let texts = Self.usingFiles
        let unused = Self.codeMembers.map(\.name).filter { !Self.isUsed($0, in: texts) }
        #expect(unused.isEmpty, "catalogued but never used: \(unused)")
    }

    @Test func everyYAMLDocumentAndProblemIsListedAndUsed() {
        let members = Self.members(in: Self.yamlText)
        let documents = members.filter {
            !$0.raw.contains("_") && LabError.Code.Document.all.map(\.rawValue).contains($0.raw)
        }
        #expect(documents.count == LabError.Code.Document.all.count)
        #expect(members.count == LabError.Code.Document.all.count + LabError.Code.Problem.all.count)
        #expect(Set(LabError.Code.Problem.all.map(\.rawValue)).count == LabError.Code.Problem.all.count)
        let texts = Self.usingFiles
        let unused = members.map(\.name).filter { !Self.isUsed($0, in: texts) }
        #expect(unused.isEmpty, "catalogued but never used: \(unused)")
    }

    @Test func codesAreWrittenAsUsersSeeThem() {
        let raws =
            LabError.Code.all.map(\.rawValue)
            + LabError.Code.Document.all.flatMap { document in
                LabError.Code.Problem.all.map { LabError.Code(document, $0).rawValue }
            }
        let malformed = raws.filter { $0.wholeMatch(of: /[a-z]+(\.[a-z0-9_]+)?/) == nil }
        #expect(malformed.isEmpty, "\(malformed)")
    }

    /// Outside the catalogue no code is spelled as a string: a new code must be catalogued.
    @Test func noCodeIsMadeOutsideTheCatalogue() {
        let pattern = /(LabError|\berror|Code|Document|Problem|Self)(\.init)?\(\s*"[a-z_]+(\.[a-z0-9_]+)*"\s*[,)]/
        let offending = Self.swiftFiles(under: Self.sources).filter { !$0.key.hasPrefix(Self.catalogue) }
            .filter { $0.value.contains(pattern) }.map(\.key)
        #expect(offending.isEmpty, "codes spelled outside the catalogue in \(offending)")
    }
}
