import Testing

@testable import PipelineEngine

/// Our models against scikit-learn's defaults on the same fixtures and the same features.
///
/// References: `References/training_references.py` (scikit-learn 1.9.1), each estimator in
/// `make_pipeline(StandardScaler(), estimator)` (imputer, indicator and one-hot encoder added
/// for the customers set).
@Suite struct SklearnReferenceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var data: String
        var target: String
        var model: ModelKind
        var accuracy: Double
        var testDescription: String { "\(model.rawValue) on \(data)" }
    }

    @Test(arguments: [
        Case(data: "breast-cancer", target: "benign", model: .logistic, accuracy: 0.986013986013986),
        Case(data: "breast-cancer", target: "benign", model: .knn, accuracy: 0.9790209790209791),
        Case(data: "breast-cancer", target: "benign", model: .naiveBayes, accuracy: 0.9370629370629371),
        Case(data: "wine", target: "cultivar", model: .logistic, accuracy: 1.0),
        Case(data: "wine", target: "cultivar", model: .knn, accuracy: 0.9555555555555556),
        Case(data: "wine", target: "cultivar", model: .naiveBayes, accuracy: 0.9333333333333333),
        Case(data: "customers", target: "churned", model: .logistic, accuracy: 0.88),
        Case(data: "customers", target: "churned", model: .knn, accuracy: 0.9),
        Case(data: "customers", target: "churned", model: .naiveBayes, accuracy: 0.835),
    ])
    func testAccuracyMatchesScikitLearn(_ c: Case) throws {
        let outcome = try Trainer.train(.fixture(c.data, target: c.target, model: c.model))
        let accuracy = try #require(outcome.report.metrics["accuracy"])
        #expect(abs(accuracy - c.accuracy) <= 0.01, "accuracy \(accuracy), scikit-learn \(c.accuracy)")
    }

    @Test func ridgeMatchesScikitLearnOnDiabetes() throws {
        let outcome = try Trainer.train(.fixture("diabetes", target: "progression", model: .linear))
        let metrics = outcome.report.metrics
        #expect(abs(metrics["r2"]! - 0.48589618270899726) <= 0.01)
        // Closed form: the same numbers to rounding.
        #expect(abs(metrics["r2"]! - 0.48589618270899726) < 1e-9)
        #expect(abs(metrics["rmse"]! - 53.318239220163626) < 1e-8)
        #expect(abs(metrics["mae"]! - 41.507341526057814) < 1e-8)
        guard case .linear(let ridge) = outcome.model.estimator else {
            Issue.record("not a ridge model")
            return
        }
        let coefficients = [
            2.2739010159281614, -11.43977269793176, 25.214696442306316, 18.13079117870731, -34.26196576705933,
            16.784889997937977, 1.1994301264139429, 11.611736104190186, 29.58377376672986, 1.3645930071056724,
        ]
        for (ours, theirs) in zip(ridge.coefficients, coefficients) { #expect(abs(ours - theirs) < 1e-8) }
        #expect(abs(ridge.intercept - 154.3444108761329) < 1e-8)
    }

    /// scikit-learn's weights at `tol=1e-12`: both solvers reach the same optimum.
    @Test(arguments: [
        (
            "breast-cancer", "benign",
            [
                [
                    -0.5144398303738417, -0.5240671803259296, -0.4763062956658938, -0.5549005660165622,
                    -0.29261310319064604, 0.7069096574661469, -0.5716033002406296, -0.6727209492443076,
                    -0.13777564268746714, 0.07338867893700858, -1.0728893000180346, 0.2622707528198633,
                    -0.48136596078564714, -0.9525535492083917, -0.14431712446026354, 0.6055582827326639,
                    0.16970928520090095, -0.3453507714094033, 0.42964655226732257, 0.3698710574493492,
                    -0.9164678803714837, -1.2445012233459218, -0.7198411119492543, -0.9369543373669564,
                    -0.6765023604930794, 0.03240695155462776, -0.8077498418839648, -0.9432355179829168,
                    -0.9499541571279839, -0.1855040832735569,
                ]
            ], [0.27815866642224846]
        ),
        (
            "wine", "cultivar",
            [
                [
                    0.1776789508782074, 0.22583177663815676, 0.328337391112795, 0.3028113754143052, 0.02478821324043129,
                    -0.2906221531196069, -0.9834639253024986, -0.02510039573615292, -0.38464334351196844,
                    0.7508272927214187, -0.755780816464763, -0.7238427022487536, 0.16528775311011082,
                ],
                [
                    0.6716986331351934, 0.16085136515092785, 0.384171952452253, -0.82655864486945, 0.04800304709856301,
                    0.21588584942222883, 0.646549062210116, -0.2265535842378699, 0.22906880819961697,
                    0.26032724267533847, 0.20135083438535137, 0.5561958927197881, 1.0136262759610963,
                ],
                [
                    -0.8493775840134007, -0.38668314178908436, -0.7125093435650477, 0.5237472694551448,
                    -0.07279126033899375, 0.07473630369737856, 0.33691486309238294, 0.2516539799740227,
                    0.155574535312352, -1.0111545353967568, 0.554429982079412, 0.1676468095289658, -1.1789140290712066,
                ],
            ], [-0.9729959962452598, 0.3081157629909747, 0.6648802332542834]
        ),
        (
            "customers", "churned",
            [
                [
                    1.4917409659631133, -0.49538413582876173, -0.012711472187692271, -1.5962218041874725,
                    1.0125548614562823, 1.735174765012992, 1.6524881976762742, -1.2951674375193247, -1.0135930004321818,
                    0.6562712904725012, 0.20918848486168376, -0.20918943466441642,
                ]
            ], [0.45615198718933425]
        ),
    ])
    func logisticWeightsMatchScikitLearn(data: String, target: String, coefficients: [[Double]], intercepts: [Double])
        throws
    {
        let outcome = try Trainer.train(.fixture(data, target: target, model: .logistic))
        guard case .logistic(let model) = outcome.model.estimator else {
            Issue.record("not a logistic model")
            return
        }
        #expect(model.converged)
        #expect(model.coefficients.count == coefficients.count)
        for (ours, theirs) in zip(model.coefficients.joined(), coefficients.joined()) {
            #expect(abs(ours - theirs) < 1e-4, "coefficient \(ours), scikit-learn \(theirs)")
        }
        for (ours, theirs) in zip(model.intercepts, intercepts) { #expect(abs(ours - theirs) < 1e-4) }
    }

    /// Class probabilities of the first three test rows.
    @Test(arguments: [
        (
            "breast-cancer", "benign", ModelKind.logistic,
            [
                [0.030957275735193357, 0.9690427242648066], [0.9996518275394543, 0.0003481724605457881],
                [0.4407649389843311, 0.5592350610156689],
            ]
        ),
        (
            "breast-cancer", "benign", ModelKind.naiveBayes,
            [
                [1.2630939482998326e-11, 0.9999999999873701], [1.0, 3.42332398356396e-27],
                [0.00010354049922335614, 0.9998964595007763],
            ]
        ),
        ("breast-cancer", "benign", ModelKind.knn, [[0.0, 1.0], [1.0, 0.0], [0.2, 0.8]]),
        (
            "wine", "cultivar", ModelKind.logistic,
            [
                [5.0124392858053815e-06, 0.999900599458773, 9.438810194099774e-05],
                [0.9989371847641969, 0.00021644173356301287, 0.0008463735022398935],
                [0.986609428404052, 0.013264891799017174, 0.0001256797969309292],
            ]
        ),
        (
            "wine", "cultivar", ModelKind.naiveBayes,
            [
                [1.8261765160574742e-50, 0.999999992710773, 7.289227698184397e-09],
                [0.9999999999999982, 6.058945783735504e-31, 9.546693440333826e-16],
                [0.9999999999998295, 1.7264876143747812e-13, 5.189017540876937e-18],
            ]
        ),
        (
            "customers", "churned", ModelKind.logistic,
            [
                [0.9401150937351838, 0.0598849062648162], [0.9537389747032865, 0.04626102529671355],
                [0.20199338890852425, 0.7980066110914757],
            ]
        ),
        (
            "customers", "churned", ModelKind.naiveBayes,
            [
                [0.9982354354217524, 0.001764564578247481], [0.9994608260203286, 0.0005391739796710761],
                [0.2946953988798907, 0.7053046011201101],
            ]
        ),
        ("customers", "churned", ModelKind.knn, [[1.0, 0.0], [1.0, 0.0], [0.4, 0.6]]),
    ])
    func probabilitiesMatchScikitLearn(data: String, target: String, model: ModelKind, expected: [[Double]]) throws {
        let outcome = try Trainer.train(.fixture(data, target: target, model: model))
        let test = try TestTables.fixture("\(data)-test.csv")
        let probabilities = try #require(try outcome.model.predict(test).probabilities)
        for row in 0..<3 {
            for k in expected[row].indices {
                #expect(
                    abs(probabilities[row, k] - expected[row][k]) < 1e-5,
                    "row \(row) class \(k): \(probabilities[row, k]) vs scikit-learn \(expected[row][k])")
            }
        }
    }
}
