/// Sorting doubles by their bits, several times faster than a comparison sort on large columns.
///
/// Drift sorts every numeric column on both sides once; on a million rows this is most of the
/// work, so it gets an LSD radix sort with 16-bit digits (four passes).
enum RadixSort {
    /// Below this size the standard library's sort is as fast.
    static let minimumCount = 4096

    /// The values in ascending order.
    ///
    /// NaN must already be removed; -0.0 sorts before 0.0 (they compare equal anyway).
    static func sorted(_ values: [Double]) -> [Double] {
        if values.count < minimumCount { return values.sorted() }
        let count = values.count
        var keys = [UInt64](repeating: 0, count: count)
        var scratch = [UInt64](repeating: 0, count: count)
        values.withUnsafeBufferPointer { source in
            keys.withUnsafeMutableBufferPointer { keys in
                for i in 0..<count { keys[i] = orderedBits(source[i]) }
            }
        }
        var counts = [Int](repeating: 0, count: 4 << 16)
        // One pass over the keys fills the histograms of all four digits.
        keys.withUnsafeBufferPointer { keys in
            counts.withUnsafeMutableBufferPointer { counts in
                for key in keys {
                    counts[Int(key & 0xFFFF)] += 1
                    counts[65536 + Int((key >> 16) & 0xFFFF)] += 1
                    counts[131072 + Int((key >> 32) & 0xFFFF)] += 1
                    counts[196608 + Int(key >> 48)] += 1
                }
            }
        }
        for digit in 0..<4 {
            let base = digit << 16
            let shift = UInt64(digit * 16)
            // A digit where every key agrees needs no pass.
            if counts[base + Int((keys[0] >> shift) & 0xFFFF)] == count { continue }
            var offset = 0
            for bucket in 0..<65536 {
                let c = counts[base + bucket]
                counts[base + bucket] = offset
                offset += c
            }
            keys.withUnsafeBufferPointer { source in
                scratch.withUnsafeMutableBufferPointer { target in
                    counts.withUnsafeMutableBufferPointer { counts in
                        for key in source {
                            let slot = base + Int((key >> shift) & 0xFFFF)
                            target[counts[slot]] = key
                            counts[slot] += 1
                        }
                    }
                }
            }
            swap(&keys, &scratch)
        }
        return keys.map(valueFromOrderedBits)
    }

    /// The bits of `value` arranged so that unsigned order is numeric order.
    @inline(__always) static func orderedBits(_ value: Double) -> UInt64 {
        let bits = value.bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    @inline(__always) static func valueFromOrderedBits(_ key: UInt64) -> Double {
        Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
    }
}
