/// A dictionary from byte strings to small integer codes, for dictionary-encoded text columns.
///
/// Text columns in ML data are mostly categories that repeat (`plan`, `region`), so each cell
/// is looked up by its bytes, where it lies in the file, and only a value seen for the first
/// time becomes a `String` (after its UTF-8 is checked). An open-addressing table keeps the
/// lookup free of per-cell allocations.
struct ByteInterner {
    /// What interning one value gave.
    enum Outcome {
        case code(Int32)
        /// The bytes are not valid UTF-8; the offset is that of the first bad byte.
        case invalidUTF8(at: Int)
    }

    /// The distinct values, in order of first appearance; a code indexes this array.
    private(set) var strings: [String] = []
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    private var table: [Int32]
    private var mask: Int

    init() {
        table = [Int32](repeating: -1, count: 64)
        mask = 63
    }

    /// The code of the value in `count` bytes at `p`, adding it when new.
    @inline(__always)
    mutating func intern(_ p: UnsafePointer<UInt8>, _ count: Int) -> Outcome {
        let hash = Self.hash(p, count)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let code = table[slot]
            if code < 0 { break }
            if hashes[Int(code)] == hash, equals(Int(code), p, count) { return .code(code) }
            slot = (slot + 1) & mask
        }
        if let bad = UTF8Validation.firstInvalidByte(p, count) { return .invalidUTF8(at: bad) }
        let code = Int32(strings.count)
        strings.append(String(decoding: UnsafeBufferPointer(start: p, count: count), as: UTF8.self))
        arena.append(contentsOf: UnsafeBufferPointer(start: p, count: count))
        starts.append(arena.count)
        hashes.append(hash)
        table[slot] = code
        if strings.count * 2 > table.count { grow() }
        return .code(code)
    }

    private func equals(_ code: Int, _ p: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let start = starts[code]
        if starts[code + 1] - start != count { return false }
        return arena.withUnsafeBufferPointer { stored in
            for k in 0..<count where stored[start + k] != p[k] { return false }
            return true
        }
    }

    private mutating func grow() {
        let capacity = table.count * 2
        table = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        for code in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[code]) & mask
            while table[slot] >= 0 { slot = (slot + 1) & mask }
            table[slot] = Int32(code)
        }
    }

    /// A fast 64-bit hash of bytes (multiply and fold, eight bytes at a time).
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < count {
            tail |= UInt64(p[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 32)
    }
}
