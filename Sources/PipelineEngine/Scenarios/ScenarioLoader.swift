import Foundation
import LabSupport
import Yams

/// Reads scenario files (`scenarios/NAME.yaml` in the sandbox), reporting mistakes with file,
/// line and column.
///
/// ```yaml
/// title: The holiday rush
/// story: >
///   Traffic quadruples around 24 December ...
/// dataset: churn
/// seed: 21
/// rows_per_day: 200
/// label_delay_days: [1, 3]
/// history_days: 14          # days of production before the start, for labelled history
/// start: 2026-12-20T09:00   # where the clock starts (UTC)
/// load: holiday             # optional
/// watch: |                 # optional: the commands to run to watch it go wrong
///   pipeline run
/// fix: >                    # optional: what stops it
///   Add a latency gate ...
/// workspace:                # optional: files written into the workspace on start
///   gates.yaml: |
///     gates: ...
/// data:                     # optional: data sets generated into the workspace on start
///   - path: data/churn-new.csv
///     dataset: churn
///     seed: 7
///     rows: 2000
///     flip_labels: 0.15     # optional: a share of labels flipped ...
///     only_from: "0"        # ... only from this class
/// changes:                  # `from_day` counts from the scenario's start (day 0)
///   - change: holiday_surge
///     peak: 4
///     month: 12
///     day: 24
///     width_days: 3
///   - change: gradual_drift
///     column: monthly_charges
///     per_day: 0.05
///     from_day: 3
///   - change: serving_units   # the serving path sends a feature in other units
///     column: monthly_charges
///     factor: 100             # dollars arrive as cents
///     from_day: 0             # optional: without it, from the stream's first day
/// ```
package enum ScenarioLoader {
    static let topKeys = [
        "title", "story", "dataset", "seed", "rows_per_day", "label_delay_days", "history_days",
        "start", "load", "changes", "watch", "fix", "workspace", "data",
    ]
    static let changeKeys: [String: [String]] = [
        "gradual_drift": ["column", "per_day", "from_day"],
        "html_corruption": ["share", "from_day", "ramp_days"],
        "label_shift": ["target", "from_day", "over_days"],
        "concept_drift": ["odds", "from_day", "over_days"],
        "label_flips": ["share", "from_day", "only_from"],
        "holiday_surge": ["peak", "month", "day", "width_days"],
        "serving_units": ["column", "factor", "from_day"],
    ]

    /// The scenarios in `directory`, by name.
    package static func names(in directory: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Loads scenario `name` from `directory`; an unknown name suggests the nearest.
    package static func load(_ name: String, from directory: String) throws -> Scenario {
        let path = directory + "/" + name + ".yaml"
        guard let data = try RegularFile.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            let known = names(in: directory)
            var message = "no scenario '\(name)'"
            if let guess = closestMatch(to: name, among: known) { message += ". Did you mean '\(guess)'?" }
            message +=
                known.isEmpty
                ? " (the sandbox has no scenarios/ folder)" : " (scenarios: \(known.joined(separator: ", ")))"
            throw LabError(.scenarioUnknown, message)
        }
        return try parse(text, name: name, file: "scenarios/\(name).yaml")
    }

    /// Parses a scenario's text; `file` names it in messages.
    package static func parse(_ text: String, name: String, file: String) throws -> Scenario {
        let reader = YAMLNodeReader(file: file, codePrefix: .scenario)
        guard let root = try reader.compose(text) else {
            throw LabError(
                .scenarioEmpty, "the scenario is empty; expected `title`, `story` and `dataset`", file: file, line: 1)
        }
        let map = try reader.mapping(root, "the scenario")
        try reader.checkKeys(map, allowed: topKeys, in: "the scenario")
        func required(_ key: String) throws -> Node {
            guard let node = map[key] else {
                throw reader.error(.missingKey, "the scenario needs `\(key)`", at: root)
            }
            return node
        }
        func integer(_ node: Node, _ what: String) throws -> Int {
            let text = try reader.text(node, what)
            guard let value = Int(text) else {
                throw reader.error(.badValue, "\(what) is \"\(text)\"; expected a whole number", at: node)
            }
            return value
        }
        var scenario = Scenario.calm
        scenario.name = name
        scenario.title = try reader.text(try required("title"), "`title`")
        scenario.story = try reader.text(try required("story"), "`story`")
        scenario.dataset = try reader.text(try required("dataset"), "`dataset`")
        scenario.changes = []
        if let node = map["seed"] { scenario.seed = UInt64(max(0, try integer(node, "`seed`"))) }
        if let node = map["rows_per_day"] { scenario.rowsPerDay = try integer(node, "`rows_per_day`") }
        if let node = map["history_days"] {
            scenario.historyDays = try integer(node, "`history_days`")
            guard (0...365).contains(scenario.historyDays) else {
                throw reader.error(
                    .badValue, "`history_days` is \(scenario.historyDays); expected 0 to 365", at: node)
            }
        }
        if let node = map["label_delay_days"] {
            let days = try reader.sequence(node, "`label_delay_days`").map {
                try integer($0, "each of `label_delay_days`")
            }
            guard days.count == 2, days[0] >= 0, days[0] <= days[1] else {
                throw reader.error(
                    .badValue, "`label_delay_days` should be [min, max] with 0 <= min <= max", at: node)
            }
            scenario.labelDelay = days[0]...days[1]
        }
        if let node = map["start"] { scenario.start = try date(node, reader) }
        if let node = map["load"] { scenario.load = try reader.word(node, "`load`", as: LoadLevel.self) }
        if let node = map["watch"] { scenario.watch = try reader.text(node, "`watch`") }
        if let node = map["fix"] { scenario.fix = try reader.text(node, "`fix`") }
        if let node = map["workspace"] { scenario.files = try files(node, reader: reader) }
        if let node = map["data"] { scenario.data = try dataFiles(node, reader: reader) }
        for item in try map["changes"].map({ try reader.sequence($0, "`changes`") }) ?? [] {
            scenario.changes.append(try change(item, history: scenario.historyDays, reader: reader, integer: integer))
        }
        do {
            _ = try scenario.stream()
        } catch let error as LabError {
            throw LabError(error.code, error.message, file: file)
        }
        return scenario
    }

    static func date(_ node: Node, _ reader: YAMLNodeReader) throws -> Date {
        let text = try reader.text(node, "`start`")
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        for format in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        throw reader.error(
            .badValue, "`start` is \"\(text)\"; expected a UTC date and time such as 2026-12-20T09:00",
            at: node)
    }

    private static func change(
        _ item: Node, history: Int, reader: YAMLNodeReader,
        integer: (Node, String) throws -> Int
    ) throws -> WorldChange {
        let map = try reader.mapping(item, "a change")
        let kinds = changeKeys.keys.sorted()
        guard let kindNode = map["change"] else {
            throw reader.error(.missingKey, "a change needs `change:` (\(listing(kinds, or: true)))", at: item)
        }
        let kind = try reader.text(kindNode, "`change`")
        guard let keys = changeKeys[kind] else {
            var message = "unknown change \"\(kind)\"; expected \(listing(kinds, or: true))"
            if let guess = closestMatch(to: kind, among: kinds) { message += " (did you mean \"\(guess)\"?)" }
            throw reader.error(.badValue, message, at: kindNode)
        }
        try reader.checkKeys(map, allowed: ["change"] + keys, in: "a \(kind) change")
        func node(_ key: String) throws -> Node {
            guard let value = map[key] else {
                throw reader.error(.missingKey, "a \(kind) change needs `\(key)`", at: item)
            }
            return value
        }
        func number(_ key: String) throws -> Double { try GateConfigLoader.number(try node(key), "`\(key)`", reader) }
        func whole(_ key: String) throws -> Int { try integer(try node(key), "`\(key)`") }
        func day(_ key: String) throws -> Int { history + (try whole(key)) }
        switch kind {
        case "gradual_drift":
            return .gradualDrift(
                column: try reader.text(try node("column"), "`column`"), perDay: try number("per_day"),
                fromDay: try day("from_day"))
        case "html_corruption":
            return .htmlCorruption(
                share: try number("share"), fromDay: try day("from_day"),
                rampDays: map["ramp_days"] == nil ? 0 : try whole("ramp_days"))
        case "label_shift":
            let targetMap = try reader.mapping(try node("target"), "`target`")
            var target: [String: Double] = [:]
            for (key, value) in targetMap {
                target[try reader.text(key, "a label")] = try GateConfigLoader.number(value, "a label's share", reader)
            }
            return .labelShift(
                target: target, fromDay: try day("from_day"),
                overDays: map["over_days"] == nil ? 0 : try whole("over_days"))
        case "concept_drift":
            return .conceptDrift(
                odds: try number("odds"), fromDay: try day("from_day"),
                overDays: map["over_days"] == nil ? 0 : try whole("over_days"))
        case "label_flips":
            return .labelFlips(
                share: try number("share"), fromDay: try day("from_day"),
                onlyFrom: try map["only_from"].map { try reader.text($0, "`only_from`") })
        case "serving_units":
            return .servingUnits(
                column: try reader.text(try node("column"), "`column`"), factor: try number("factor"),
                fromDay: map["from_day"] == nil ? 0 : try day("from_day"))
        default:
            return .holidaySurge(
                peak: try number("peak"), month: try whole("month"), day: try whole("day"),
                widthDays: try number("width_days"))
        }
    }
}
