import Foundation
import LabSupport
import Yams

/// A list of expectations about a dataset, read from a YAML suite file.
///
/// ```yaml
/// expectations:
///   - expect: between
///     column: tenure
///     min: 0
///     max: 120
///     mostly: 0.99
/// ```
///
/// Everything is checked when the suite is read, before any data is: unknown expectations or
/// arguments (with a suggestion), missing arguments, values of the wrong type, impossible
/// ranges. Each error names the suite file, line and column.
package struct ExpectationSuite: Sendable {
    /// The suite file as the user named it.
    package var source: String
    /// An optional name for the suite (`name:` at the top).
    package var name: String?
    package var expectations: [Expectation]

    package init(source: String, name: String? = nil, expectations: [Expectation]) {
        self.source = source
        self.name = name
        self.expectations = expectations
    }

    /// Reads and checks the suite file at `path`; messages name it `name` (the path as the
    /// user typed it), else `path`.
    package static func load(file path: String, named name: String? = nil) throws -> ExpectationSuite {
        let name = name ?? path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LabError(.fileNotFound, "no such file", file: name)
        }
        if isDirectory.boolValue {
            throw LabError(.fileIsDirectory, "is a folder; expected a YAML suite file", file: name)
        }
        guard let data = try RegularFile.contents(atPath: path) else {
            throw LabError(.fileUnreadable, "cannot read the file", file: name)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LabError(.suiteInvalidUtf8, "the suite is not UTF-8 text", file: name)
        }
        return try parse(yaml: text, source: name)
    }

    /// Reads and checks a suite from YAML text; `source` names it in error messages.
    package static func parse(yaml: String, source: String) throws -> ExpectationSuite {
        let reader = SuiteReader(source: source)
        guard let root = try reader.yaml.compose(yaml) else {
            throw LabError(
                .suiteEmpty, "the suite is empty; expected 'expectations:' followed by a list",
                file: source, line: 1, column: 1)
        }
        return try reader.suite(from: root)
    }
}
