/// What one stage execution cost: real wall time, simulated runner minutes and their price.
package struct StageCost: Sendable, Codable, Equatable {
    package var seconds: Double
    package var cpuMinutes: Double
    package var gpuMinutes: Double
    /// Dollars: CPU and GPU minutes at the ``CostModel`` rates.
    package var dollars: Double

    package init(seconds: Double = 0, cpuMinutes: Double = 0, gpuMinutes: Double = 0, dollars: Double = 0) {
        self.seconds = seconds
        self.cpuMinutes = cpuMinutes
        self.gpuMinutes = gpuMinutes
        self.dollars = dollars
    }

    enum CodingKeys: String, CodingKey {
        case seconds
        case cpuMinutes = "cpu_minutes"
        case gpuMinutes = "gpu_minutes"
        case dollars
    }
}

/// Prices simulated CI minutes, so that caching has a visible price tag.
///
/// The lab's stages take milliseconds on a laptop; a CI runner bills minutes for the same work
/// at production scale. So each executor counts the real work it did, in units of its kind, and
/// the model turns that into simulated minutes:
///
///     minutes  = startup + work / throughput(kind)
///     dollars  = cpu minutes × $0.05 + gpu minutes × $1.50
///
/// | kind     | work unit                                                 | units per minute |
/// | -------- | --------------------------------------------------------- | ---------------- |
/// | validate | rows × expectations                                       | 20,000           |
/// | train    | training rows × encoded features × optimiser iterations   | 200,000          |
/// | evaluate | rows × features, plus rows per slice                      | 50,000           |
/// | gate     | gates, plus rows scored twice for shadow agreement        | 50,000           |
/// | leakage  | training and test rows × columns                          | 50,000           |
///
/// Every stage pays `startup` (0.1 min) of CPU: the runner's spin-up. A stage declared with
/// `resources: {gpu: true}` does its work on a GPU that is 10× faster but costs $1.50 a minute,
/// so small jobs are cheaper on CPU, which is the point a learner should find.
package struct CostModel: Sendable, Equatable {
    package var cpuDollarsPerMinute = 0.05
    package var gpuDollarsPerMinute = 1.50
    /// CPU minutes every stage pays before it does any work.
    package var startupMinutes = 0.1
    /// How many times faster the GPU gets through the same work.
    package var gpuSpeedup = 10.0
    /// Work units per CPU minute, by kind.
    package var throughput: [StageKind: Double] = [
        .validate: 20_000, .train: 200_000, .evaluate: 50_000, .gate: 50_000, .deploy: 50_000, .monitor: 50_000,
        .leakage: 50_000,
        .test: 50_000,
    ]

    package init() {}

    package static let standard = CostModel()

    /// The simulated cost of `work` units of `kind`, with the measured wall time.
    package func cost(kind: StageKind, work: Double, gpu: Bool, seconds: Double) -> StageCost {
        let minutes = max(0, work) / (throughput[kind] ?? 50_000)
        let cpu = startupMinutes + (gpu ? 0 : minutes)
        let gpuMinutes = gpu ? minutes / gpuSpeedup : 0
        return StageCost(
            seconds: seconds, cpuMinutes: cpu, gpuMinutes: gpuMinutes,
            dollars: cpu * cpuDollarsPerMinute + gpuMinutes * gpuDollarsPerMinute)
    }
}
