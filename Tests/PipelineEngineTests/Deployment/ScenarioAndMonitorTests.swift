import Foundation
import Testing

@testable import LabSupport
@testable import PipelineEngine

@Suite struct ScenarioTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sandbox/scenarios").path

    @Test(arguments: ["gradual-drift", "holiday-rush", "html-corruption", "competitor-offer", "serving-skew"])
    func everyTemplateScenarioLoads(name: String) throws {
        let scenario = try ScenarioLoader.load(name, from: Self.templates)
        #expect(!scenario.changes.isEmpty)
        #expect(scenario.historyDays == 14)
        _ = try scenario.stream().batch(day: scenario.historyDays)
    }

    @Test func theHolidayRushPeaksOnChristmasEve() throws {
        let scenario = try ScenarioLoader.load("holiday-rush", from: Self.templates)
        #expect(scenario.load == .holiday)
        #expect(SimulatedClock.format(scenario.start) == "2026-12-20 09:00 (Sun)")
        let stream = try scenario.stream()
        let christmasEve = scenario.streamDay(at: scenario.start) + 4
        #expect(stream.startDate.adding(days: christmasEve).description == "2026-12-24")
        #expect(stream.rowCount(day: christmasEve) == 800)
    }

    @Test(
        arguments: [
            (
                "title: T\nstory: S\ndataset: churn\nchanges:\n  - change: gradual-drift\n    column: tenure\n",
                "scenario.bad_value", 5, 13,
                "unknown change \"gradual-drift\"; expected concept_drift, gradual_drift, holiday_surge, html_corruption, label_flips, label_shift or serving_units (did you mean \"gradual_drift\"?)"
            ),
            ("title: T\nstory: S\n", "scenario.missing_key", 1, 1, "the scenario needs `dataset`"),
            (
                "title: T\nstory: S\ndataset: churn\nchanges:\n  - change: serving_units\n    column: tenure\n",
                "scenario.missing_key", 5, 5, "a serving_units change needs `factor`"
            ),
            (
                "title: T\nstory: S\ndataset: churn\nchanges:\n  - change: serving_units\n    column: tenure\n    factor: 30\n    unit: days\n",
                "scenario.unknown_key", 8, 5,
                "unknown key \"unit\" in a serving_units change; expected one of change, column, factor or from_day"
            ),
            (
                "title: T\nstory: S\ndataset: churn\nload: busy\n", "scenario.bad_value", 4, 7,
                "`load` is \"busy\"; expected normal or holiday"
            ),
        ] as [(String, String, Int, Int, String)])
    func badScenariosAreExplained(text: String, code: String, line: Int, column: Int, message: String) {
        #expect(throws: LabError(.init(code), message, file: "scenarios/x.yaml", line: line, column: column)) {
            try ScenarioLoader.parse(text, name: "x", file: "scenarios/x.yaml")
        }
    }

    @Test(
        arguments: [
            (
                "    column: plan\n    factor: 100\n",
                "serving units cannot rescale 'plan' of churn (numeric features: tenure, monthly_charges, total_charges, support_calls)"
            ),
            (
                "    column: monthly_charge\n    factor: 100\n",
                "serving units cannot rescale 'monthly_charge' of churn. Did you mean 'monthly_charges'? (numeric features: tenure, monthly_charges, total_charges, support_calls)"
            ),
            (
                "    column: tenure\n    factor: 1\n",
                "a unit factor of 1 is out of range; expected more than 0, at most 1000000 and not 1"
            ),
            (
                "    column: tenure\n    factor: -30\n",
                "a unit factor of -30 is out of range; expected more than 0, at most 1000000 and not 1"
            ),
        ] as [(String, String)])
    func aServingUnitsChangeNeedsANumericFeatureAndAFactor(body: String, message: String) {
        let text = "title: T\nstory: S\ndataset: churn\nchanges:\n  - change: serving_units\n" + body
        #expect(throws: LabError("stream.bad_change", message, file: "scenarios/x.yaml")) {
            try ScenarioLoader.parse(text, name: "x", file: "scenarios/x.yaml")
        }
    }

    @Test func servingUnitsScaleWhatTheModelReceivesFromTheirDayAndLeaveTheOutcomes() throws {
        let text =
            "title: T\nstory: S\ndataset: churn\nhistory_days: 2\nchanges:\n  - change: serving_units\n    column: monthly_charges\n    factor: 100\n    from_day: 1\n"
        let skewed = try ScenarioLoader.parse(text, name: "x", file: "scenarios/x.yaml")
        #expect(skewed.changes == [.servingUnits(column: "monthly_charges", factor: 100, fromDay: 3)])
        var calm = skewed
        calm.changes = []
        let (bug, world) = (try skewed.stream(), try calm.stream())
        let column = 2  // monthly_charges
        #expect(bug.batch(day: 2).rows == world.batch(day: 2).rows)
        let (served, true_) = (bug.batch(day: 3), world.batch(day: 3))
        #expect(served.trueLabels == true_.trueLabels)
        #expect(served.rows.count == true_.rows.count)
        for (row, original) in zip(served.rows, true_.rows) {
            let cents = try #require(Double(row[column]))
            let dollars = try #require(Double(original[column]))
            #expect(FixedDecimal.format(dollars * 100, decimals: 2) == row[column])
            #expect(cents >= 1825)
        }
        let noDay = try ScenarioLoader.parse(
            text.replacingOccurrences(of: "    from_day: 1\n", with: ""), name: "x", file: "scenarios/x.yaml")
        #expect(noDay.changes == [.servingUnits(column: "monthly_charges", factor: 100, fromDay: 0)])
    }

    @Test func aChangeTheDataSetCannotTakeNamesTheFile() {
        let text =
            "title: T\nstory: S\ndataset: churn\nchanges:\n  - change: gradual_drift\n    column: plan\n    per_day: 0.1\n    from_day: 1\n"
        #expect(
            throws: LabError(
                "stream.bad_change",
                "gradual drift cannot shift 'plan' of churn (columns that drift: tenure, monthly_charges, support_calls)",
                file: "scenarios/x.yaml")
        ) {
            try ScenarioLoader.parse(text, name: "x", file: "scenarios/x.yaml")
        }
    }

    @Test func startingAScenarioSetsTheClockAndTheLoadAndIsAudited() throws {
        let lab = try DeploymentFixture()
        try FileManager.default.createDirectory(
            atPath: lab.workspace.root + "/scenarios", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: Self.templates + "/holiday-rush.yaml",
            toPath: lab.workspace.root + "/scenarios/holiday-rush.yaml")
        let state = ScenarioState(workspace: lab.workspace)
        #expect(try state.current().name == "calm")
        try state.start("holiday-rush", actor: "ada")
        #expect(try state.current().name == "holiday-rush")
        #expect(try SimulatedClock(state: lab.workspace.state).now() == Date(timeIntervalSince1970: 1_797_757_200))
        #expect(try LabSettings(state: lab.workspace.state).loadLevel() == .holiday)
        #expect(
            try lab.auditTrail() == [
                "ada scenario.start holiday-rush", "ada clock.set clock", "ada traffic.load platform",
            ])
        #expect(try state.list().map { "\($0.active ? "*" : " ")\($0.name)" } == [" calm", "*holiday-rush"])
        #expect(
            throws: LabError(
                "scenario.unknown", "no scenario 'holiday-rus'. Did you mean 'holiday-rush'? (scenarios: holiday-rush)")
        ) {
            try state.start("holiday-rus", actor: "ada")
        }
    }
}

@Suite struct MonitorTests {
    @Test func advancingTheClockServesEachDayAndMonitorShowsDriftGrowing() throws {
        let lab = try DeploymentFixture()
        try FileManager.default.createDirectory(
            atPath: lab.workspace.root + "/scenarios", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: ScenarioTests.templates + "/gradual-drift.yaml",
            toPath: lab.workspace.root + "/scenarios/gradual-drift.yaml")
        try ScenarioState(workspace: lab.workspace).start("gradual-drift", actor: "ada")
        _ = try lab.deployer.deploy("v1", strategy: .direct, actor: "ada", reason: "first model")
        var clock = ProductionClock(workspace: lab.workspace)
        clock.meter = lab.meter
        let advanced = try clock.advance(by: SimulatedDuration(parsing: "10d"), actor: "ada")
        // Days 14 to 23 ended while the clock moved (from 2026-12-07 09:00 to 2026-12-17 09:00).
        #expect(advanced.served.map(\.day) == Array(14...23))
        #expect(advanced.served.allSatisfy { $0.requests == 200 && $0.errors == 0 })

        let report = try ProductionMonitor(workspace: lab.workspace).report(window: SimulatedDuration(parsing: "14d"))
        #expect(report.days.map(\.day) == Array(11...24))
        #expect(report.reference == "2026-11-23 – 2026-11-29")
        #expect(report.days.map(\.requests) == [0, 0, 0] + Array(repeating: 200, count: 10) + [0])
        // Labels take one to three days: the last served days are still partly waiting.
        #expect(report.days[3].pending == 0 && report.days[12].pending > 0)
        let psi = report.days.map { day in day.drift.first { $0.column == "monthly_charges" }?.statistic ?? -1 }
        let tenure = report.days.map { day in day.drift.first { $0.column == "tenure" }?.statistic ?? -1 }
        // monthly_charges moves from stream day 17 on, by a twentieth of its spread a day; judged
        // on three days at a time it passes PSI 0.2 on day 23. tenure never moves.
        #expect(psi[0...6].allSatisfy { $0 < 0.1 }, "\(psi)")
        #expect(psi[11] < 0.2 && psi[12] >= 0.2 && psi[13] > psi[12], "\(psi)")
        #expect(tenure.allSatisfy { $0 < 0.1 }, "\(tenure)")
    }
}
