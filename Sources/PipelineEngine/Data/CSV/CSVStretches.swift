import Foundation

/// A stretch of a CSV body, for reading in parallel.
struct CSVStretch: Sendable, Equatable {
    var start: Int
    var end: Int
    /// The file line the stretch starts on; for a stretch after the first, 0 until the stretches
    /// before it have been read and their lines counted.
    var firstLine: Int
    /// How many bytes of records to reserve room for: the whole body for the first stretch,
    /// which the others are appended to.
    var reserveBytes: Int
}

/// Cuts a large CSV body into stretches that can be read at the same time.
///
/// A cut goes after a line feed, which usually ends a record, but inside quotes a line feed
/// is part of a value. The cut is therefore checked by the stretch before it: that stretch ends
/// at the cut, so if the cut fell inside quotes its last field is never closed and its read
/// fails. Any failed stretch sends the whole read back to one piece.
enum CSVStretches {
    /// Below this many bytes per stretch, threads cost more than they save.
    static let minimumBytes = 4 << 20

    /// Up to `parts` stretches covering `start..<bytes.count`; by default one per processor
    /// (or `$CICDLAB_READ_THREADS`) for a body of at least `minimumBytes` per stretch.
    static func split(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, firstLine: Int, parts: Int?)
        -> [CSVStretch]
    {
        let body = bytes.count - start
        let whole = [CSVStretch(start: start, end: bytes.count, firstLine: firstLine, reserveBytes: body)]
        let count: Int
        if let parts {
            count = min(parts, max(1, body))
        } else {
            let threads =
                ProcessInfo.processInfo.environment["CICDLAB_READ_THREADS"].flatMap(Int.init)
                ?? min(ProcessInfo.processInfo.activeProcessorCount, 8)
            count = min(threads, body / minimumBytes)
        }
        guard count > 1, let p = bytes.baseAddress else { return whole }
        var stretches: [CSVStretch] = []
        var cutStart = start
        for part in 1..<count {
            var i = max(cutStart, start + body / count * part)
            while i < bytes.count, p[i] != CSVTokenizer.lineFeed { i += 1 }
            guard i + 1 < bytes.count else { break }
            stretches.append(
                CSVStretch(
                    start: cutStart, end: i + 1, firstLine: stretches.isEmpty ? firstLine : 0,
                    reserveBytes: stretches.isEmpty ? body : i + 1 - cutStart))
            cutStart = i + 1
        }
        stretches.append(
            CSVStretch(
                start: cutStart, end: bytes.count, firstLine: stretches.isEmpty ? firstLine : 0,
                reserveBytes: stretches.isEmpty ? body : bytes.count - cutStart))
        return stretches
    }
}
