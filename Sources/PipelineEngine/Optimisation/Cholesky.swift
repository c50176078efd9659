/// Solves symmetric positive-definite systems A·x = b by Cholesky factorisation (A = L·Lᵀ).
///
/// Ridge regression's normal equations are such a system; Cholesky is the stable and cheap way
/// to solve them, and it tells when the matrix is singular rather than returning noise.
enum Cholesky {
    /// The solution of `a·x = b` for the row-major `n×n` matrix `a`, or nil when `a` is not
    /// positive definite, or so close to singular that a pivot loses all but ten digits of its
    /// diagonal entry (the solution would be rounding noise).
    static func solve(_ a: [Double], _ b: [Double], n: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard sum > 1e-10 * abs(a[i * n + i]), sum.isFinite else { return nil }
                    l[i * n + i] = sum.squareRoot()
                } else {
                    l[i * n + j] = sum / l[j * n + j]
                }
            }
        }
        // Forward substitution L·y = b, then back substitution Lᵀ·x = y.
        var y = b
        for i in 0..<n {
            var sum = y[i]
            for k in 0..<i { sum -= l[i * n + k] * y[k] }
            y[i] = sum / l[i * n + i]
        }
        var x = y
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = x[i]
            for k in (i + 1)..<n { sum -= l[k * n + i] * x[k] }
            x[i] = sum / l[i * n + i]
        }
        return x
    }
}
