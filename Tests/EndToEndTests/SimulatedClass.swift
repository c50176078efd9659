import Foundation
import LabSupport

/// A class of simulated learners who take the class fixture's quiz through one REPL process.
///
/// Each learner has an ability drawn from a seeded generator; a question has a difficulty; a
/// learner knows the answer with the logistic chance of ability minus difficulty, and otherwise
/// skips (one time in ten) or guesses. Knowing `broken-key` means choosing its right answer, b,
/// which its planted key a marks wrong. Every fifth learner takes the quiz a second time, so
/// first attempts differ from all attempts.
struct SimulatedClass {
    /// A fixture question as the simulation sees it.
    struct Item {
        var id: String
        /// Option texts in the author's order, or nil for true/false.
        var options: [String]?
        /// What a learner who knows it answers: authored option indices, or the truth.
        var known: [Int]
        var truth: Bool = false
        var multiple = false
        var difficulty: Double
        /// The concepts the fixture tags it with.
        var concepts: [String]

        /// The option names the report uses: letters, or `true`/`false`.
        var optionNames: [String] {
            guard let options else { return ["true", "false"] }
            return options.indices.map { String(UnicodeScalar(UInt8(97 + $0))) }
        }
    }

    static let questions: [Item] = [
        Item(
            id: "artifacts", options: ["Code only", "Code data and model", "Code and configuration", "The model only"],
            known: [1], difficulty: -1, concepts: ["three-artifacts"]),
        Item(
            id: "broken-key", options: ["A new linter", "New training data", "A faster laptop", "A renamed variable"],
            known: [1], difficulty: 0, concepts: ["three-artifacts"]),
        Item(
            id: "smoke",
            options: [
                "The model loads and predicts", "The accuracy is state of the art", "The data is balanced",
                "The GPU is fast",
            ], known: [0], difficulty: -1, concepts: ["smoke-tests"]),
        Item(
            id: "sanity-range", options: ["A range check", "A latency test", "A fairness test", "A load test"],
            known: [0], difficulty: 0, concepts: ["sanity-tests"]),
        Item(
            id: "smoke-shape", options: ["Output shape", "Training loss", "Data hash", "Code coverage"], known: [0],
            difficulty: 1, concepts: ["smoke-tests", "sanity-tests"]),
        Item(
            id: "model-tests",
            options: [
                "It loads and returns the right shape", "Predictions stay in range", "The linter passes",
                "The README builds",
            ], known: [0, 1], multiple: true, difficulty: 0, concepts: ["smoke-tests", "sanity-tests"]),
        Item(
            id: "artifacts-versioned", options: ["The code", "The data", "The model", "The office chair"],
            known: [0, 1, 2], multiple: true, difficulty: 1, concepts: ["three-artifacts"]),
        Item(id: "data-changes", options: nil, known: [], truth: true, difficulty: -1, concepts: ["three-artifacts"]),
        Item(id: "smoke-slow", options: nil, known: [], truth: false, difficulty: 0, concepts: ["smoke-tests"]),
    ]

    let learners: Int
    let seed: UInt64
    var random: SeededRandom

    init(learners: Int, seed: UInt64) {
        self.learners = learners
        self.seed = seed
        random = SeededRandom(seed: seed)
    }

    /// Creates each learner's profile, takes their quizzes and exports their progress into
    /// `exports`; returns the export files.
    mutating func take(course: String, home: String, exports: String) throws -> [String] {
        let live = try LiveProcess(["--content", course], home: home)
        defer { live.kill() }
        var files: [String] = []
        var quizzes = 0
        var exported = 0
        for index in 1...learners {
            let name = String(format: "learner-%02d", index)
            let ability = random.nextGaussian() * 1.5
            try command(live, "profiles create \(name)", until: "Created profile '\(name)'")
            try command(live, "profiles switch \(name)", until: "Now learning as '\(name)'")
            for round in 0..<(index % 5 == 0 ? 2 : 1) {
                live.send("quiz --seed \(index * 10 + round) --count \(Self.questions.count)")
                for _ in Self.questions {
                    try answerNext(live, ability: ability, learner: index, round: round)
                }
                quizzes += 1
                try wait(live, for: "Score: ", count: quizzes)
            }
            let file = exports + "/\(name).json"
            live.send("export progress --format json --out \(file)")
            exported += 1
            try wait(live, for: "Wrote ", count: exported)
            files.append(file)
        }
        return files
    }

    private func command(_ live: LiveProcess, _ line: String, until marker: String) throws {
        live.send(line)
        try wait(live, for: marker, count: 1)
    }

    private func wait(_ live: LiveProcess, for marker: String, count: Int) throws {
        guard live.wait(until: { $0.components(separatedBy: marker).count - 1 >= count }) else {
            throw Stalled(waitingFor: marker, output: String(live.text.suffix(2000)))
        }
    }

    /// Waits for the next question, reads which one it is and how its options are shuffled,
    /// and answers it as the ability model says.
    private mutating func answerNext(_ live: LiveProcess, ability: Double, learner: Int, round: Int) throws {
        answered += 1
        try wait(live, for: "\nAnswer: ", count: answered)
        let block = live.text.components(separatedBy: "\nQuestion ").last ?? ""
        let lines = block.components(separatedBy: "\n")
        guard lines.count > 1, let id = lines[1].split(separator: ":").first.map(String.init),
            let item = Self.questions.first(where: { $0.id == id })
        else { throw Stalled(waitingFor: "a known question", output: block) }
        var shown: [String: String] = [:]
        for line in lines where line.hasPrefix("  ") && line.dropFirst(3).hasPrefix(") ") {
            let letter = String(line.dropFirst(2).prefix(1))
            shown[String(line.dropFirst(5))] = letter
        }
        // A generator of its own per learner, question and round, so the answers do not depend on
        // the order the quiz asks in.
        let position = UInt64(Self.questions.firstIndex { $0.id == id } ?? 0)
        var random = SeededRandom(seed: seed &+ UInt64(learner) &* 1_000 &+ position &* 10 &+ UInt64(round))
        let knows = random.nextUnit() < 1 / (1 + exp(-(ability - item.difficulty)))
        if !knows && random.nextUnit() < 0.1 {
            live.send("skip")
            return
        }
        guard let options = item.options else {
            live.send((knows ? item.truth : random.nextUnit() < 0.5) ? "true" : "false")
            return
        }
        var chosen: [Int]
        if knows {
            chosen = item.known
        } else if item.multiple {
            chosen = options.indices.filter { _ in random.nextUnit() < 0.5 }
            if chosen.isEmpty { chosen = [Int(random.nextUnit() * Double(options.count))] }
        } else {
            chosen = [Int(random.nextUnit() * Double(options.count))]
        }
        let letters = chosen.compactMap { shown[options[$0]] }
        guard letters.count == chosen.count else {
            throw Stalled(waitingFor: "the options of \(id)", output: block)
        }
        live.send(letters.sorted().joined(separator: ","))
    }

    private var answered = 0

    /// The REPL did not say what was expected in time.
    struct Stalled: Error, CustomStringConvertible {
        var waitingFor: String
        var output: String
        var description: String { "waited in vain for \(waitingFor); output ends with:\n\(output)" }
    }
}
