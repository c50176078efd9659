import Foundation
import Testing

@testable import PipelineEngine

@Suite struct QueueingModelTests {
    /// Rows from `References/queueing_reference.py`: requests per second, replicas, service ms,
    /// then utilisation, wait probability, p95 ms and timeout share.
    @Test(arguments: [
        (76.0, 4, 20.0, 0.38, 0.077660721136119, 23.551021005191416, 1.3023747812244669e-54),
        (4, 1, 60, 0.24, 0.23999999999999996, 183.83809878267198, 1.618868641226651e-06),
        (20, 1, 60, 1.2, 1.0, 1000.0, 0.9216666666666666),
        (20, 1, 20, 0.4, 0.4, 89.31471805599453, 6.820280295395903e-14),
        (10, 2, 60, 0.3, 0.13846153846153847, 103.65298204262456, 4.12860673204861e-11),
        (80, 4, 60, 1.2, 1.0, 1000.0, 0.9216666666666666),
        (5, 1, 1200, 6.0, 1.0, 1000.0, 1.0),
    ])
    func forecastsMatchTheReference(
        rate: Double, replicas: Int, serviceMs: Double, utilisation: Double,
        waitProbability: Double, p95: Double, timeouts: Double
    ) {
        let forecast = QueueingModel.forecast(
            ServingPool(requestsPerSecond: rate, replicas: replicas, serviceMs: serviceMs),
            timeoutMs: 1000, intervalSeconds: 60)
        #expect(
            abs(forecast.utilisation - utilisation) < 1e-12, "utilisation \(forecast.utilisation) vs \(utilisation)")
        #expect(
            abs(forecast.waitProbability - waitProbability) < 1e-12,
            "wait \(forecast.waitProbability) vs \(waitProbability)")
        #expect(abs(forecast.p95Ms - p95) < 1e-9, "p95 \(forecast.p95Ms) vs \(p95)")
        #expect(
            abs(forecast.timeoutShare - timeouts) <= 1e-12 * max(1, timeouts) + 1e-300,
            "timeouts \(forecast.timeoutShare) vs \(timeouts)")
        #expect(forecast.saturated == (utilisation >= 1))
    }

    @Test func noTrafficMeansNoQueue() {
        let forecast = QueueingModel.forecast(
            ServingPool(requestsPerSecond: 0, replicas: 1, serviceMs: 20),
            timeoutMs: 1000, intervalSeconds: 60)
        #expect(forecast == PoolForecast(utilisation: 0, waitProbability: 0, p95Ms: 20, timeoutShare: 0))
    }

    @Test func holidayLoadIsTheNormalRateTimesTheMultiplier() {
        let platform = PlatformSettings()
        #expect(platform.requestsPerSecond(at: .normal) == 20)
        #expect(platform.requestsPerSecond(at: .holiday) == 80)
        #expect([5, 25, 26, 50, 100].map(platform.canaryReplicas(weight:)) == [1, 1, 2, 2, 4])
    }

    @Test func sampledResponsesFollowTheForecast() {
        // Below capacity: no wait when the draw is past the wait probability, a longer wait the
        // smaller the draw; past capacity: the wait grows with the arrival time until the timeout.
        let pool = ServingPool(requestsPerSecond: 4, replicas: 1, serviceMs: 60)
        let forecast = QueueingModel.forecast(pool, timeoutMs: 1000, intervalSeconds: 60)
        let response = { (draw: Double, arrival: Double) in
            QueueingModel.responseMs(
                pool, forecast: forecast, timeoutMs: 1000, intervalSeconds: 60, draw: draw,
                arrival: arrival)
        }
        #expect(response(0.5, 0) == 60)
        #expect(abs(response(0.05, 0) - forecast.p95Ms) < 1e-9)
        let busy = ServingPool(requestsPerSecond: 20, replicas: 1, serviceMs: 60)
        let overloaded = QueueingModel.forecast(busy, timeoutMs: 1000, intervalSeconds: 60)
        let late = { (arrival: Double) in
            QueueingModel.responseMs(
                busy, forecast: overloaded, timeoutMs: 1000, intervalSeconds: 60, draw: 0.5,
                arrival: arrival)
        }
        #expect(late(0) == 60)
        #expect(abs(late(0.05) - 660) < 1e-9)  // 60 ms + (1.2 − 1) × 3 s
        #expect(late(0.5) == 1000)
    }
}
