import Foundation

/// The exact algorithms behind ``KolmogorovDistribution`` for small `n·x²`.
extension KolmogorovDistribution {
    static let scaleExponent = 128
    static let scaleUp = 0x1p128
    static let scaleDown = 0x1p-128

    /// `P(D_n ≤ d)` by Durbin's matrix method as Marsaglia, Tsang and Wang evaluate it.
    ///
    /// Costs O(m³ log n) for an m×m matrix with m = 2⌈nd⌉-1, so it runs only where `n·d` is small.
    static func durbinMatrix(n: Int, d: Double) -> Double {
        if d >= 1 { return 1 }
        let nd = Double(n) * d
        if nd <= 0.5 { return 0 }
        let k = Int(nd.rounded(.up))
        let h = Double(k) - nd
        let m = 2 * k - 1

        var v = [Double](repeating: 0, count: m)
        var w = [Double](repeating: 0, count: m)
        var factorial = 1.0
        for j in 1...m {
            w[j - 1] = factorial
            factorial /= Double(j)
            v[j - 1] = (1.0 - pow(h, Double(j))) * factorial
        }
        let tt = pow(max(2 * h - 1.0, 0), Double(m)) - 2 * pow(h, Double(m))
        v[m - 1] = (1.0 + tt) * factorial

        var matrix = SquareMatrix(size: m)
        for i in 1..<m {
            for row in (i - 1)..<m { matrix[row, i] = w[row - (i - 1)] }
        }
        for row in 0..<m { matrix[row, 0] = v[row] }
        for column in 0..<m { matrix[m - 1, column] = v[m - 1 - column] }

        var power = SquareMatrix.identity(size: m)
        var remaining = n
        var exponent = 0
        var matrixExponent = 0
        while remaining > 0 {
            if remaining % 2 == 1 {
                power = power * matrix
                exponent += matrixExponent
            }
            matrix = matrix * matrix
            matrixExponent *= 2
            if abs(matrix[k - 1, k - 1]) > scaleUp {
                matrix.scale(by: scaleDown)
                matrixExponent += scaleExponent
            }
            remaining /= 2
        }
        var p = power[k - 1, k - 1]
        // Multiply by n!/nⁿ, rescaling to stay clear of underflow.
        for i in 1...n {
            p = Double(i) * p / Double(n)
            if abs(p) < scaleDown {
                p *= scaleUp
                exponent -= scaleExponent
            }
        }
        if exponent != 0 { p = scalbn(p, exponent) }
        return p
    }

    /// `P(D_n ≤ x)` by Pomeranz's (1974) recursion, for small `n` and moderate `n·x²`.
    static func pomeranz(n: Int, x: Double) -> Double {
        let t = Double(n) * x
        let ll = Int(t.rounded(.down))
        let f = t - Double(ll)
        let g = min(f, 1.0 - f)
        let ceilF = f > 0 ? 1 : 0
        let roundF = f > 0.5 ? 1 : 0
        let powerCount = 2 * (ll + 1)
        var gPower = [Double](repeating: 1, count: powerCount)
        var twoGPower = [Double](repeating: 1, count: powerCount)
        var oneMinusTwoGPower = [Double](repeating: 1, count: powerCount)
        let nd = Double(n)
        let gOverN = g / nd
        let twoGOverN = 2 * g / nd
        let oneMinusTwoGOverN = (1 - 2 * g) / nd
        for m in 1..<powerCount {
            gPower[m] = gPower[m - 1] * gOverN / Double(m)
            twoGPower[m] = twoGPower[m - 1] * twoGOverN / Double(m)
            oneMinusTwoGPower[m] = oneMinusTwoGPower[m - 1] * oneMinusTwoGOverN / Double(m)
        }

        var v0 = [Double](repeating: 0, count: powerCount)
        var v1 = [Double](repeating: 0, count: powerCount)
        v1[0] = 1
        var v0Start = 0
        var v1Start = 0
        var exponent = 0
        var (j1, _) = pomeranzBounds(row: 0, n: n, ll: ll, ceilF: ceilF, roundF: roundF)
        for i in 1..<(2 * n + 2) {
            let k1 = j1
            swap(&v0, &v1)
            swap(&v0Start, &v1Start)
            for index in v1.indices { v1[index] = 0 }
            let bounds = pomeranzBounds(row: i, n: n, ll: ll, ceilF: ceilF, roundF: roundF)
            j1 = bounds.0
            let j2 = bounds.1
            let powers = (i == 1 || i == 2 * n + 1) ? gPower : (i % 2 == 1 ? twoGPower : oneMinusTwoGPower)
            let length = j2 - k1 + 1
            if length > 0 {
                // Entries conv[j1-k1 ..< j2-k1+1] of the full convolution of the two windows.
                let offset = k1 - v0Start
                let windowLength = min(length, powerCount - offset)
                let first = j1 - k1
                let count = j2 - j1 + 1
                for out in 0..<count {
                    let position = first + out
                    var sum = 0.0
                    let lower = max(0, position - length + 1)
                    let upper = min(position, windowLength - 1)
                    for a in stride(from: lower, through: upper, by: 1) {
                        sum += v0[offset + a] * powers[position - a]
                    }
                    v1[out] = sum
                }
                let largest = v1.max() ?? 0
                if largest > 0 && largest < scaleDown {
                    for index in v1.indices { v1[index] *= scaleUp }
                    exponent -= scaleExponent
                }
                v1Start = v0Start + j1 - k1
            }
        }
        var answer = v1[n - v1Start]
        for m in 1...n {
            if abs(answer) > scaleUp {
                answer *= scaleDown
                exponent += scaleExponent
            }
            answer *= Double(m)
        }
        if exponent != 0 { answer = scalbn(answer, exponent) }
        return answer
    }

    /// The first and last non-zero entries of row `row` in Pomeranz's recursion.
    static func pomeranzBounds(row i: Int, n: Int, ll: Int, ceilF: Int, roundF: Int) -> (Int, Int) {
        var j1: Int
        var j2: Int
        if i == 0 {
            (j1, j2) = (-ll - ceilF - 1, ll + ceilF - 1)
        } else {
            let half = (i + 1) / 2
            let odd = (i + 1) % 2
            if odd == 0 {
                if half == n + 1 {
                    (j1, j2) = (n - ll - ceilF - 1, n + ll + ceilF - 1)
                } else {
                    (j1, j2) = (half - 1 - ll - roundF - 1, half + ll - 1 + ceilF - 1)
                }
            } else {
                (j1, j2) = (half - 1 - ll - 1, half + ll + roundF - 1)
            }
        }
        return (max(j1 + 2, 0), min(j2, n))
    }
}

/// A dense square matrix of doubles, just enough for Durbin's matrix powers.
struct SquareMatrix {
    let size: Int
    var storage: [Double]

    init(size: Int) {
        self.size = size
        storage = [Double](repeating: 0, count: size * size)
    }

    static func identity(size: Int) -> SquareMatrix {
        var matrix = SquareMatrix(size: size)
        for i in 0..<size { matrix[i, i] = 1 }
        return matrix
    }

    subscript(row: Int, column: Int) -> Double {
        get { storage[row * size + column] }
        set { storage[row * size + column] = newValue }
    }

    mutating func scale(by factor: Double) {
        for i in storage.indices { storage[i] *= factor }
    }

    static func * (lhs: SquareMatrix, rhs: SquareMatrix) -> SquareMatrix {
        let n = lhs.size
        var result = SquareMatrix(size: n)
        lhs.storage.withUnsafeBufferPointer { a in
            rhs.storage.withUnsafeBufferPointer { b in
                result.storage.withUnsafeMutableBufferPointer { c in
                    for i in 0..<n {
                        for k in 0..<n {
                            let aik = a[i * n + k]
                            if aik == 0 { continue }
                            for j in 0..<n { c[i * n + j] += aik * b[k * n + j] }
                        }
                    }
                }
            }
        }
        return result
    }
}
