package import Foundation

/// The machine's real clock: the only place the lab reads it.
///
/// What happens in the sandbox (runs, versions, aliases, rollouts, the audit log) is stamped
/// with the workspace's simulated clock. Real time is for what the learner's machine really
/// did: how long work took (training, latency, a stage), and names that must differ between
/// two real moments (a damaged database set aside).
package enum WallClock {
    /// A reading of the monotonic clock, for ``seconds(since:)``.
    package typealias Instant = ContinuousClock.Instant

    /// The real date and time now.
    package static func now() -> Date {
        Date()
    }

    /// The monotonic clock now, to measure how long something takes.
    package static func instant() -> Instant {
        ContinuousClock.now
    }

    /// Seconds elapsed on the monotonic clock since `start`.
    package static func seconds(since start: Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}
