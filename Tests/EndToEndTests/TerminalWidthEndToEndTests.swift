import Foundation
import Testing

/// Every command the course's steps use, and the lists the issue names (`help`, `lessons`,
/// `steps`, `pipeline runs`, `registry list`, `monitor`, `rollout status`), fits a terminal of
/// 60 and of 100 columns: no line is wider, and no word is broken to get there.
@Suite(.serialized) struct TerminalWidthEndToEndTests {
    /// The commands every lesson is checked with, besides its steps' own.
    static let listings = [
        "help", "lessons", "steps", "pipeline runs", "registry list", "monitor", "rollout status", "progress",
    ]

    /// The lessons' folders in course order, with the commands their steps tell the learner to
    /// run (`command:` and its list), as typed in the REPL.
    static func courseCommands() throws -> [(lesson: String, commands: [String])] {
        let lessons = Binary.repository + "/Lessons"
        let folders = try FileManager.default.contentsOfDirectory(atPath: lessons).sorted()
            .filter { FileManager.default.fileExists(atPath: "\(lessons)/\($0)/steps.yaml") }
        return try folders.map { folder in
            let text = try String(contentsOfFile: "\(lessons)/\(folder)/steps.yaml", encoding: .utf8)
            var commands: [String] = []
            var inList = false
            for line in text.split(separator: "\n").map(String.init) {
                if line.hasPrefix("    command:") {
                    let value = line.dropFirst("    command:".count).trimmingCharacters(in: .whitespaces)
                    inList = value.isEmpty
                    if !value.isEmpty { commands.append(unquoted(value)) }
                } else if inList, line.hasPrefix("      - ") {
                    commands.append(unquoted(String(line.dropFirst("      - ".count))))
                } else {
                    inList = false
                }
            }
            // The number prefix is not part of the id; `lesson` takes the folder name too.
            return (folder, commands.filter { !$0.hasPrefix("sandbox reset") })
        }
    }

    static func unquoted(_ value: String) -> String {
        value.hasPrefix("'") && value.hasSuffix("'") ? String(value.dropFirst().dropLast()) : value
    }

    /// What the REPL printed (standard output and error) for `script` on a fresh home, with
    /// `COLUMNS` set to `columns` ("" writes lines as long as they are).
    static func play(_ script: [String], columns: String) throws -> String {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let result = try Binary.run(
            ["--content", Binary.repository], stdin: script.joined(separator: "\n") + "\nquit\n", home: home,
            environment: ["COLUMNS": columns, "PAGER": "cat"])
        return result.stdout + result.stderr
    }

    /// The words of `text` made of letters only, longer than two: a broken word (`expor`,
    /// `t it`) leaves a piece the full output does not have.
    static func letterWords(_ text: String) -> Set<String> {
        Set(
            text.split(whereSeparator: { $0.isWhitespace }).compactMap { token -> String? in
                let word = token.trimmingCharacters(in: .punctuationCharacters.union(.symbols))
                return word.count > 2 && word.allSatisfy(\.isLetter) ? word : nil
            })
    }

    @Test(arguments: try courseCommands().map(\.lesson))
    func everyCommandOfTheLessonFitsSixtyAndHundredColumns(lesson: String) throws {
        let commands = try Self.courseCommands().first { $0.lesson == lesson }?.commands ?? []
        let script = ["lesson \(lesson)", "next", "steps"] + commands + Self.listings
        // The reference: lines as long as they are, and the widest layout (which shows more,
        // such as `lessons`' page counts).
        let unwrapped = Self.letterWords(try Self.play(script, columns: ""))
            .union(Self.letterWords(try Self.play(script, columns: "120")))
        for width in [60, 100] {
            let output = try Self.play(script, columns: String(width))
            for line in output.split(separator: "\n").map(String.init) {
                let words = line.split(separator: " ")
                // A single word wider than the line (a path) stays whole rather than cut.
                #expect(words.count <= 1 || line.count <= width, "\(lesson) at \(width): \(line)")
            }
            let broken = Self.letterWords(output).subtracting(unwrapped)
            #expect(broken.isEmpty, "\(lesson) at \(width): words not in the unwrapped output: \(broken.sorted())")
        }
    }
}
