import Foundation
import LabSupport
import Testing

/// `class report` over a class of learners driven through the real binary, its item statistics
/// checked against a reference computation in Python (numpy, pandas).
@Suite struct ClassReportEndToEndTests {
    /// The fixture course: one lesson whose `broken-key` question has a wrong key.
    static var course: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/class-course")
            .path
    }

    static var quizFile: String { course + "/Lessons/01-class/quiz.yaml" }

    /// The tools venv's Python, when it has numpy and pandas.
    static let python = ExternalTool.venvBin + "/python"

    static var referenceUsable: Bool {
        if ProcessInfo.processInfo.environment["CI"] != nil { return true }
        guard FileManager.default.isExecutableFile(atPath: python),
            let run = try? Spawn.run(
                python, ["-c", "import numpy, pandas"], environment: [:], directory: nil, stdin: "")
        else { return false }
        return run.status == 0
    }

    @Test(
        .enabled(
            if: referenceUsable,
            "needs numpy and pandas in .build/tools-venv: run bin/setup-tools (bin/test does)"))
    func itemStatisticsMatchTheReferenceAndThePlantedQuestionIsFlagged() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let exports = home + "/exports"
        try FileManager.default.createDirectory(atPath: exports, withIntermediateDirectories: true)
        var simulated = SimulatedClass(learners: 32, seed: 2026)
        let files = try simulated.take(course: Self.course, home: home, exports: exports)
        #expect(files.count == 32)

        let run = try Binary.run(["--content", Self.course, "class", "report", "--json"] + files, home: home)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let parsed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
        let report = try #require(parsed as? [String: Any])
        let items = try #require(report["items"] as? [[String: Any]])
        #expect(items.count == SimulatedClass.questions.count)

        let computed = try Self.reference(files: files, home: home)
        let reference = try #require(computed["items"] as? [String: Any])
        #expect(reference.count == items.count)
        for item in items {
            let id = try #require(item["question"] as? String)
            let expected = try #require(reference[id] as? [String: Any], "no reference for \(id)")
            #expect(item["learners"] as? Int == expected["learners"] as? Int, "\(id): learners")
            #expect(item["group_size"] as? Int == expected["group_size"] as? Int, "\(id): group size")
            for key in ["facility", "upper_lower_index", "upper_facility", "lower_facility", "skipped_share"] {
                Self.expectClose(item[key], expected[key], "\(id): \(key)")
            }
            Self.expectClose(item["discrimination"], expected["discrimination"], "\(id): discrimination")
            let options = try #require(item["options"] as? [[String: Any]])
            let shares = try #require(expected["options"] as? [String: [String: Any]])
            #expect(options.count == shares.count, "\(id): options")
            for option in options {
                let name = try #require(option["option"] as? String)
                Self.expectClose(option["share"], shares[name]?["share"], "\(id) option \(name): share")
                Self.expectClose(
                    option["upper_share"], shares[name]?["upper_share"], "\(id) option \(name): upper share")
            }
        }

        let mastery = try #require(computed["mastery"] as? [String: [String: Any]])
        var cells = 0
        for learner in try #require(report["learners"] as? [[String: Any]]) {
            let profile = try #require(learner["profile"] as? String)
            for cell in try #require(learner["mastery"] as? [[String: Any]]) {
                let concept = try #require(cell["concept"] as? String)
                let expected = mastery["\(profile)/\(concept)"]
                #expect(cell["asked"] as? Int == (expected?["asked"] as? Int ?? 0), "\(profile) \(concept): asked")
                #expect(cell["right"] as? Int == (expected?["right"] as? Int ?? 0), "\(profile) \(concept): right")
                Self.expectClose(cell["mastery"], expected?["mastery"], "\(profile) \(concept): mastery")
                cells += 1
            }
        }
        #expect(cells == 32 * 3)

        let flags = try #require(report["flags"] as? [[String: Any]])
        let planted = flags.filter { $0["question"] as? String == "broken-key" }
        let line = try Self.line(of: "broken-key")
        #expect(
            planted.contains { $0["kind"] as? String == "distractor_beats_key" },
            "broken-key is not flagged for its distractor: \(planted)")
        #expect(planted.allSatisfy { $0["file"] as? String == "01-class/quiz.yaml" && $0["line"] as? Int == line })
        #expect(!flags.contains { $0["question"] as? String == "sanity-range" }, "a good question is flagged: \(flags)")

        let text = try Binary.run(["--content", Self.course, "class", "report"] + files, home: home)
        #expect(text.status == 0)
        #expect(text.stdout.contains("01-class/quiz.yaml:\(line): broken-key: distractor b"))
    }

    @Test func badInputIsNamedWithItsFileAndExitsTwo() throws {
        let home = try Binary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let export = #"{"profile": "ann", "lessons": [], "answers": [], "cards": []}"#
        try export.write(toFile: home + "/ann.json", atomically: true, encoding: .utf8)
        try export.write(toFile: home + "/copy.json", atomically: true, encoding: .utf8)
        try "{\n  \"profile\": \"ben\",\n  lessons: []\n}".write(
            toFile: home + "/ben.json", atomically: true, encoding: .utf8)
        let expected = "; expected the file `export progress --format json` writes"
        let cases: [([String], String)] = [
            ([], "error: no export files given; expected one `export progress --format json` file per learner"),
            (
                ["missing.json"],
                "error: missing.json: no such file; expected a learner's `export progress --format json` file"
            ),
            (["ben.json"], "error: ben.json:3:3: is not valid JSON (invalid value)" + expected),
            (
                ["ann.json", "copy.json"],
                "error: copy.json: profile 'ann' is in both ann.json and copy.json; give each learner's export once"
            ),
        ]
        for (files, message) in cases {
            let run = try Binary.run(
                ["--content", Self.course, "class", "report"] + files, home: home, directory: home)
            #expect(run.status == 2, "\(files): \(run.stderr)")
            #expect(run.stderr.trimmingCharacters(in: .newlines) == message)
        }
        let json = try Binary.run(
            ["--content", Self.course, "--json", "class", "report", "ben.json"], home: home, directory: home)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let error = object?["error"] as? [String: Any]
        #expect(error?["code"] as? String == "class.bad_export")
        #expect(error?["file"] as? String == "ben.json")
        #expect(error?["line"] as? Int == 3)
    }

    /// Checks that two JSON numbers (or two nulls) agree to 1e-12.
    static func expectClose(_ found: Any?, _ expected: Any?, _ what: String) {
        if expected == nil || expected is NSNull {
            #expect(found == nil || found is NSNull, "\(what): \(String(describing: found)), expected null")
            return
        }
        guard let a = (found as? NSNumber)?.doubleValue, let b = (expected as? NSNumber)?.doubleValue else {
            Issue.record("\(what): \(String(describing: found)), expected \(String(describing: expected))")
            return
        }
        #expect(abs(a - b) <= 1e-12, "\(what): \(a), reference \(b)")
    }

    /// The line of a question's `- id:` in the fixture quiz.
    static func line(of id: String) throws -> Int {
        let lines = try String(contentsOfFile: quizFile, encoding: .utf8).components(separatedBy: "\n")
        return try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "- id: \(id)" }) + 1
    }

    /// The reference figures per question, computed in Python from the exports alone.
    static func reference(files: [String], home: String) throws -> [String: Any] {
        let options = Dictionary(
            uniqueKeysWithValues: SimulatedClass.questions.map {
                ($0.id, ["options": $0.optionNames, "concepts": $0.concepts])
            })
        let meta = home + "/options.json"
        try JSONSerialization.data(withJSONObject: options).write(to: URL(fileURLWithPath: meta))
        let script = home + "/reference.py"
        try referenceScript.write(toFile: script, atomically: true, encoding: .utf8)
        let run = try Spawn.run(python, [script, meta] + files, environment: [:], directory: nil, stdin: "")
        let stdout = String(decoding: run.stdout, as: UTF8.self)
        #expect(run.status == 0, "python: \(String(decoding: run.stderr, as: UTF8.self))")
        return try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
    }

    /// Item analysis from its definitions: each learner's first attempt (earliest answered_at,
    /// file order on a tie) scores 1 if correct else 0 (a skip is 0); facility is the mean;
    /// discrimination is Pearson's r of the score with the rest score (total minus the item),
    /// null when either does not vary; the upper and lower groups are the top and bottom
    /// max(1, round-half-up(0.27 n)) by total, ties by profile name; option shares from `given`.
    static let referenceScript = #"""
        import json, math, sys
        import numpy as np
        import pandas as pd

        meta = json.load(open(sys.argv[1]))
        options = {q: m["options"] for q, m in meta.items()}
        rows = []
        for path in sys.argv[2:]:
            export = json.load(open(path))
            for order, a in enumerate(export["answers"]):
                rows.append({"profile": export["profile"], "question": a["question"], "order": order,
                             "correct": bool(a["correct"]), "skipped": bool(a["skipped"]), "given": a["given"],
                             "at": pd.Timestamp(a["answered_at"])})
        answers = pd.DataFrame(rows)
        answers = answers[answers["question"].isin(list(options))]
        first = (answers.sort_values(["profile", "question", "at", "order"], kind="stable")
                 .drop_duplicates(["profile", "question"], keep="first").copy())
        first["score"] = first["correct"].astype(float)
        totals = first.groupby("profile")["score"].sum()

        def chose(frame, option):
            picked = [(not skipped) and option in given.split(",")
                      for given, skipped in zip(frame["given"], frame["skipped"])]
            return float(np.mean(picked))

        result = {}
        for question, names in options.items():
            d = first[first["question"] == question].copy()
            n = len(d)
            if n == 0:
                continue
            d["total"] = d["profile"].map(totals)
            d["rest"] = d["total"] - d["score"]
            x = d["score"].to_numpy()
            rest = d["rest"].to_numpy()
            r = None
            if n >= 2 and np.var(x) > 0 and np.var(rest) > 0:
                r = float(np.corrcoef(x, rest)[0, 1])
            g = max(1, int(math.floor(0.27 * n + 0.5)))
            ranked = d.sort_values(["total", "profile"], ascending=[False, True])
            upper, lower = ranked.head(g), ranked.tail(g)
            result[question] = {
                "learners": n, "group_size": g,
                "facility": float(x.mean()), "discrimination": r,
                "upper_facility": float(upper["score"].mean()), "lower_facility": float(lower["score"].mean()),
                "upper_lower_index": float(upper["score"].mean() - lower["score"].mean()),
                "skipped_share": float(d["skipped"].mean()),
                "options": {o: {"share": chose(d, o), "upper_share": chose(upper, o)} for o in names},
            }
        # Mastery: right of asked per learner and concept over every answer, retries and skips too.
        tagged = answers.assign(concept=answers["question"].map(lambda q: meta[q]["concepts"])).explode("concept")
        cells = tagged.groupby(["profile", "concept"])["correct"].agg(["count", "sum"])
        mastery = {f"{p}/{c}": {"asked": int(row["count"]), "right": int(row["sum"]),
                                "mastery": float(row["sum"] / row["count"])}
                   for (p, c), row in cells.iterrows()}
        print(json.dumps({"items": result, "mastery": mastery}))
        """#
}
