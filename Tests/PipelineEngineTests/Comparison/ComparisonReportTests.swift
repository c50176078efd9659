import LabSupport
import Testing

@testable import PipelineEngine

/// Two trained models scored on the same fixture rows and compared, and the inputs refused.
@Suite struct ComparisonReportTests {
    func file(_ name: String, target: String, model: ModelKind, features: [String]? = nil) throws -> ModelFile {
        var request = try TrainingRequest.fixture(name, target: target, model: model)
        request.features = features
        let trained = try Trainer.train(request).model
        return ModelFile(model: trained, sha256: try trained.contentHash())
    }

    func compare(
        _ champion: ModelFile, _ challenger: ModelFile, on table: DataTable, metric: ComparisonMetric? = nil
    ) throws -> ComparisonReport {
        try ComparisonReport.compare(
            champion: champion, challenger: challenger, names: ("champion.json", "challenger.json"), on: table,
            metric: metric, rule: ComparisonRule())
    }

    @Test func classifiersAreComparedOnTheAccuraciesEvaluateReports() throws {
        let logistic = try file("customers", target: "churned", model: .logistic)
        let bayes = try file("customers", target: "churned", model: .naiveBayes)
        let table = try TestTables.fixture("customers-test.csv")
        let report = try compare(logistic, bayes, on: table)
        let result = report.comparison
        #expect(result.metric == .accuracy)
        #expect(result.rows == 200)
        #expect(report.skippedRows == 0)
        #expect(report.champion == .init(file: "champion.json", kind: .logistic, hash: logistic.sha256))
        #expect(report.challenger == .init(file: "challenger.json", kind: .naiveBayes, hash: bayes.sha256))
        let first = try Evaluator.evaluate(logistic, on: table, timedRows: 0).metrics["accuracy"]
        let second = try Evaluator.evaluate(bayes, on: table, timedRows: 0).metrics["accuracy"]
        #expect(result.championValue == first)
        #expect(result.challengerValue == second)
        guard case .mcnemar(let counts) = result.evidence else {
            Issue.record("classifiers are compared with McNemar's test")
            return
        }
        #expect(counts.rows == 200)
        #expect(abs(result.difference - (result.challengerValue - result.championValue)) < 1e-12)
        #expect(result.pValue == McNemarExactTest.pValue(b: counts.onlyChampionRight, c: counts.onlyChallengerRight))
    }

    @Test func regressorsAreComparedOnTheMeanAbsoluteErrorsEvaluateReports() throws {
        let all = try file("diabetes", target: "progression", model: .linear)
        let few = try file("diabetes", target: "progression", model: .linear, features: ["age", "sex", "bp"])
        let table = try TestTables.fixture("diabetes-test.csv")
        let result = try compare(all, few, on: table).comparison
        #expect(result.metric == .mae)
        let first = try #require(try Evaluator.evaluate(all, on: table, timedRows: 0).metrics["mae"])
        let second = try #require(try Evaluator.evaluate(few, on: table, timedRows: 0).metrics["mae"])
        #expect(abs(result.championValue - first) < 1e-9)
        #expect(abs(result.challengerValue - second) < 1e-9)
        guard case .pairedT(let test) = result.evidence else {
            Issue.record("regressors are compared with the paired t-test")
            return
        }
        #expect(test.degreesOfFreedom == result.rows - 1)
        // Three features instead of ten: larger errors, significantly.
        #expect(result.decision == .worse)
    }

    @Test func rowsWithoutATargetAreLeftOut() throws {
        let logistic = try file("customers", target: "churned", model: .logistic)
        let table = TestTables.csv(
            """
            tenure,spend,visits,tickets,discount,region,premium,churned
            -0.709,0.5725,-0.373,-0.5251,-1.4738,north,false,0
            0.2,0.1,0.3,-0.5,0.4,west,true,
            1.1,-0.3,0.9,0.2,-0.1,east,false,1
            """, source: "labelled.csv")
        let report = try compare(logistic, logistic, on: table)
        #expect(report.comparison.rows == 2)
        #expect(report.skippedRows == 1)
        #expect(report.comparison.decision == .inconclusive)
    }

    @Test func modelsOfDifferentTargetsOrTasksAreRefused() throws {
        let churn = try file("customers", target: "churned", model: .logistic)
        let region = try file("customers", target: "region", model: .logistic)
        let linear = try file("customers", target: "churned", model: .linear)
        let table = try TestTables.fixture("customers-test.csv")
        #expect(
            throws: LabError(
                .compareDifferentTargets,
                "the champion predicts 'churned' but the challenger predicts 'region'; compare two models of the same target",
                file: "challenger.json"),
            performing: { try compare(churn, region, on: table) })
        #expect(
            throws: LabError(
                .compareDifferentTasks,
                "the champion is a classifier (logistic) but the challenger is a regressor (linear); compare two models of the same task",
                file: "challenger.json"),
            performing: { try compare(churn, linear, on: table) })
        #expect(
            throws: LabError(
                .compareMetricMismatch,
                "metric 'mae' compares regressors, but both models are classifiers; use --metric accuracy"),
            performing: { try compare(churn, churn, on: table, metric: .mae) })
    }

    @Test func dataWithoutLabelsIsRefused() throws {
        let churn = try file("customers", target: "churned", model: .logistic)
        let unlabelled = TestTables.csv(
            """
            tenure,spend,visits,tickets,discount,region,premium,churned
            -0.709,0.5725,-0.373,-0.5251,-1.4738,north,false,
            """, source: "unlabelled.csv")
        #expect(
            throws: LabError(
                .compareNoRows, "no rows with a 'churned' value to compare the two models on", file: "unlabelled.csv"),
            performing: { try compare(churn, churn, on: unlabelled) })
        let withoutTarget = TestTables.csv(
            """
            tenure,spend,visits,tickets,discount,region,premium
            -0.709,0.5725,-0.373,-0.5251,-1.4738,north,false
            """, source: "features.csv")
        let error = #expect(throws: LabError.self) { try compare(churn, churn, on: withoutTarget) }
        #expect(error?.code == .dataUnknownColumn)
        #expect(error?.message.hasPrefix("no column 'churned' in features.csv") == true)
    }
}
