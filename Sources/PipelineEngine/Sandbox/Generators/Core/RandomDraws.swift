import LabSupport

/// Draws from the distributions the generators need, on top of ``SeededRandom``.
///
/// Everything goes through ``PortableMath`` rather than libm so that the same seed gives the
/// same bytes on Linux and macOS.
extension SeededRandom {
    /// A generator for one item of a seeded sequence (a row, a day, an attempt).
    ///
    /// Deriving one generator per row keeps rows independent of each other: row 2000 of a
    /// 2500-row set equals row 2000 of a 10 000-row set with the same seed, so a test set can
    /// be the rows after the training set.
    static func derived(from seed: UInt64, _ parts: UInt64...) -> SeededRandom {
        var mixer = SeededRandom(seed: seed)
        var state = mixer.next()
        for part in parts {
            mixer = SeededRandom(seed: state ^ (part &* 0xD1B5_4A32_D192_ED03))
            state = mixer.next()
        }
        return SeededRandom(seed: state)
    }

    /// A standard normal draw (Marsaglia's polar method, with ``PortableMath``).
    mutating func normal() -> Double {
        while true {
            let u = 2 * nextUnit() - 1
            let v = 2 * nextUnit() - 1
            let s = u * u + v * v
            if s > 0, s < 1 {
                return u * (-2 * PortableMath.log(s) / s).squareRoot()
            }
        }
    }

    /// A normal draw with the given mean and standard deviation.
    mutating func normal(mean: Double, sd: Double) -> Double {
        mean + sd * normal()
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        nextUnit() < p
    }

    /// A whole number uniformly drawn from `range`.
    mutating func integer(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound + 1)
        return range.lowerBound + Int(next() % width)
    }

    /// A double uniformly drawn from [`low`, `high`).
    mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * nextUnit()
    }

    /// One element of a non-empty array, uniformly.
    mutating func pick<T>(_ items: [T]) -> T {
        items[Int(next() % UInt64(items.count))]
    }

    /// The index drawn with probability proportional to `weights`.
    mutating func index(weightedBy weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var target = nextUnit() * total
        for (index, weight) in weights.enumerated() {
            target -= weight
            if target < 0 { return index }
        }
        return weights.count - 1
    }

    /// A Poisson draw with mean `lambda` (Knuth's method; fine for the small means used here).
    mutating func poisson(_ lambda: Double) -> Int {
        guard lambda > 0 else { return 0 }
        let limit = PortableMath.exp(-lambda)
        var product = nextUnit()
        var count = 0
        while product > limit, count < 1000 {
            product *= nextUnit()
            count += 1
        }
        return count
    }
}
