import PipelineEngine
import Testing

@testable import LabShell
@testable import LabSupport

@Suite struct GlobalOptionsTests {
    @Test func takesGlobalOptionsFromAnywhereBeforeDoubleDash() throws {
        let (options, rest) = try GlobalOptions.extract(from: [
            "--home", "/tmp/h", "profiles", "--json", "switch", "--profile=ann", "bob", "--", "--json",
        ])
        #expect(options.home == "/tmp/h")
        #expect(options.profile == "ann")
        #expect(options.json)
        #expect(!options.noColor)
        #expect(rest == ["profiles", "switch", "bob", "--", "--json"])
    }

    @Test func aValuedOptionWithoutValueIsAnError() {
        #expect(throws: LabError("usage.missing_value", "--profile needs a value, as in --profile NAME")) {
            try GlobalOptions.extract(from: ["lessons", "--profile"])
        }
    }

    @Test(arguments: [
        ("--home /x", "/x"),
        ("", "/env/home"),
    ])
    func homeComesFromFlagThenEnvironment(flag: String, expected: String) {
        let home = LabHome.resolve(
            flag: flag.isEmpty ? nil : String(flag.dropFirst(7)),
            environment: ["CICDLAB_HOME": "/env/home", "XDG_DATA_HOME": "/xdg", "HOME": "/u"])
        #expect(home.path == expected)
    }

    @Test func homeFallsBackToXDGThenTheDefault() {
        #expect(
            LabHome.resolve(flag: nil, environment: ["XDG_DATA_HOME": "/xdg", "HOME": "/u"]).path == "/xdg/cicdlab")
        #expect(LabHome.resolve(flag: nil, environment: ["HOME": "/u"]).path == "/u/.local/share/cicdlab")
    }

    /// A relative `XDG_DATA_HOME` is ignored.
    ///
    /// The XDG Base Directory Specification says: "If an implementation encounters a relative
    /// path in any of these variables it should consider the path invalid and ignore it."
    @Test(arguments: ["relative/data", "./data", "~/data", "data"])
    func aRelativeXDGDataHomeIsIgnored(xdg: String) {
        let home = LabHome.resolve(flag: nil, environment: ["XDG_DATA_HOME": xdg, "HOME": "/u"])
        #expect(home.path == "/u/.local/share/cicdlab")
        #expect(home.chosenBy == nil)
    }
}

@Suite struct CommandLineSplitterTests {
    @Test(arguments: [
        ("data validate data/churn.csv --suite s.yaml", ["data", "validate", "data/churn.csv", "--suite", "s.yaml"]),
        ("train 'my data.csv' --target \"churned\"", ["train", "my data.csv", "--target", "churned"]),
        ("echo a\\ b ''", ["echo", "a b", ""]),
        ("   ", []),
    ])
    func splitsLikeAShell(line: String, words: [String]) throws {
        #expect(try CommandLineSplitter.split(line) == words)
    }

    @Test func anUnterminatedQuoteIsAnError() {
        #expect(throws: LabError("usage.unterminated_quote", "the line has an unterminated \" quote")) {
            try CommandLineSplitter.split("train \"data.csv")
        }
    }
}
