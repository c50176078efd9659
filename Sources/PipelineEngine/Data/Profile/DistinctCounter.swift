/// Counts distinct 64-bit keys with an open-addressing table, for columns of a million numbers.
///
/// The standard library's `Set` hashes with SipHash and grows as it goes; a column's size is
/// known in advance, so one table sized once and a multiply-shift hash do the same job several
/// times faster.
struct DistinctCounter {
    private var slots: [UInt64]
    private var used: [Bool]
    private let mask: Int
    private(set) var count = 0

    /// A counter with room for `capacity` distinct keys.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        used = [Bool](repeating: false, count: size)
        mask = size - 1
    }

    @inline(__always)
    mutating func insert(_ key: UInt64) {
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
        while used[slot] {
            if slots[slot] == key { return }
            slot = (slot + 1) & mask
        }
        used[slot] = true
        slots[slot] = key
        count += 1
    }

    /// The number of distinct values among `values`, with 0.0 and -0.0 counted as one.
    static func count(_ values: [Double]) -> Int {
        var counter = DistinctCounter(capacity: values.count)
        for value in values { counter.insert((value + 0.0).bitPattern) }
        return counter.count
    }
}
