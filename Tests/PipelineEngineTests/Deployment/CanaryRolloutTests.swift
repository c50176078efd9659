import Foundation
import Testing

@testable import PipelineEngine

@Suite struct CanaryRolloutTests {
    @Test func explore() throws {
        let lab = try DeploymentFixture()
        let deployer = try lab.deployer
        let first = try deployer.deploy("v1", strategy: .direct, actor: "ada", reason: "first model")
        print(first.message)
        try lab.setLoad(.holiday)
        let report = try deployer.deploy("v3", strategy: .canary, actor: "ada", reason: "try it")
        print(report.message, report.rollout.reason, report.rollout.status)
        for step in report.steps {
            for interval in step.intervals {
                print(step.weight, interval.interval, interval.verdict, interval.conditions.map(\.message))
                print(interval.champion.requests, interval.canary.requests, interval.champion.labelled, interval.canary.labelled)
            }
        }
        print(try lab.auditTrail())
    }
}

@Suite struct ExploreAccuracy {
    @Test func accuracies() throws {
        let lab = try DeploymentFixture()
        let production = try ProductionView(workspace: lab.workspace)
        let rows = ProductionRows.from(production.stream, days: 0...production.today)
        for v in 1...3 {
            var model = try ServedModel(version: v, registry: lab.registry, rows: rows.table)
            var n = 0, c = 0, ones = 0
            for r in 0..<rows.count {
                guard let label = rows.label(r, knownBy: production.today) else { continue }
                let a = model.answer(r, meter: .real).answer
                n += 1; if a == label { c += 1 }; if a == "1" { ones += 1 }
            }
            print(v, n, Double(c) / Double(n), ones, model.model.classes)
        }
        let data = try DatasetGenerator.generate(name: "churn", rows: 500, seed: 7, startRow: 2000)
        let table = DataTable(rows: data.rows, schema: data.schema, source: "t")
        for v in 1...3 {
            var model = try ServedModel(version: v, registry: lab.registry, rows: table)
            var c = 0
            for r in 0..<table.rowCount { if model.answer(r, meter: .real).answer == data.rows[r][data.schema.index(of: "churned")!] { c += 1 } }
            print("test", v, Double(c) / 500)
        }
    }
}
