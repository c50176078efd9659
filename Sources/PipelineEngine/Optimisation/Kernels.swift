import Dispatch
import Foundation

/// The dot product of two rows of `count` doubles, with four running sums so it vectorises.
@inline(__always)
func dotRow(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ count: Int) -> Double {
    var s0 = 0.0
    var s1 = 0.0
    var s2 = 0.0
    var s3 = 0.0
    var j = 0
    while j + 4 <= count {
        s0 += a[j] * b[j]
        s1 += a[j + 1] * b[j + 1]
        s2 += a[j + 2] * b[j + 2]
        s3 += a[j + 3] * b[j + 3]
        j += 4
    }
    while j < count {
        s0 += a[j] * b[j]
        j += 1
    }
    return (s0 + s1) + (s2 + s3)
}

/// `y += a·x` over `count` doubles.
@inline(__always)
func addScaledRow(_ a: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, _ count: Int) {
    for j in 0..<count { y[j] += a * x[j] }
}

/// log(1 + eˣ) and the logistic function of x together, from a single exponential.
@inline(__always) func logisticLossParts(_ x: Double) -> (log1pExp: Double, sigmoid: Double) {
    let e = exp(-abs(x))
    let inverse = 1 / (1 + e)
    return (max(x, 0) + log1p(e), x >= 0 ? inverse : e * inverse)
}

/// The logistic function 1 / (1 + e⁻ˣ) without overflow.
@inline(__always) func sigmoid(_ x: Double) -> Double {
    if x >= 0 { return 1 / (1 + exp(-x)) }
    let e = exp(x)
    return e / (1 + e)
}

/// A pointer that may cross into the worker threads of ``forEachChunk(rows:_:)``.
///
/// Each chunk writes only its own slot, so sharing the pointer is safe.
struct SharedPointer<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
}

/// Runs `body` over consecutive row ranges of about `rowsPerChunk` rows (at most 16 ranges),
/// several at a time, and returns the results in range order.
///
/// The ranges depend only on the row count, never on the machine, and callers combine the
/// results in range order, so sums come out bit for bit the same on every run.
func forEachChunk<T>(rows: Int, rowsPerChunk: Int = 65_536, _ body: (Range<Int>) -> T) -> [T] {
    let chunks = max(1, min(16, rows / rowsPerChunk))
    if chunks == 1 { return [body(0..<rows)] }
    let results = UnsafeMutablePointer<T>.allocate(capacity: chunks)
    defer {
        results.deinitialize(count: chunks)
        results.deallocate()
    }
    let shared = SharedPointer(base: results)
    withoutActuallyEscaping(body) { body in
        nonisolated(unsafe) let work = body
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (rows * chunk / chunks)..<(rows * (chunk + 1) / chunks)
            (shared.base + chunk).initialize(to: work(range))
        }
    }
    return Array(UnsafeBufferPointer(start: results, count: chunks))
}
