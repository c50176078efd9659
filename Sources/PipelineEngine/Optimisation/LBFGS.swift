/// Limited-memory BFGS: minimises a smooth function from its value and gradient.
///
/// Logistic regression has no closed form, and fixed-epoch gradient descent stops wherever the
/// epochs run out; L-BFGS runs until the gradient is flat (every entry at most `tolerance`),
/// which is what makes the fitted weights reproduce scikit-learn's `lbfgs` solver.
struct LBFGS {
    /// How many recent steps approximate the curvature.
    var memory = 10
    /// Converged when no gradient entry exceeds this in absolute value.
    var tolerance: Double
    var maxIterations: Int

    /// Where the search ended and why.
    struct Outcome {
        var x: [Double]
        var value: Double
        var iterations: Int
        var converged: Bool
        /// The largest absolute gradient entry at `x`.
        var gradientNorm: Double
    }

    /// Minimises `evaluate`, which returns f(x) and writes ∇f(x) into its second argument.
    func minimize(from start: [Double], evaluate: (_ x: [Double], _ gradient: inout [Double]) -> Double) -> Outcome {
        let n = start.count
        var x = start
        var gradient = [Double](repeating: 0, count: n)
        var value = evaluate(x, &gradient)
        var steps: [[Double]] = []
        var changes: [[Double]] = []
        var rhos: [Double] = []
        var direction = [Double](repeating: 0, count: n)
        var alphas = [Double](repeating: 0, count: memory)
        var candidate = [Double](repeating: 0, count: n)
        var candidateGradient = [Double](repeating: 0, count: n)
        var iterations = 0

        while iterations < maxIterations {
            if maxAbs(gradient) <= tolerance {
                return Outcome(
                    x: x, value: value, iterations: iterations, converged: true, gradientNorm: maxAbs(gradient))
            }
            iterations += 1
            // Two-loop recursion: direction = -H·gradient.
            for i in 0..<n { direction[i] = -gradient[i] }
            for j in stride(from: steps.count - 1, through: 0, by: -1) {
                alphas[j] = rhos[j] * dot(steps[j], direction)
                axpy(-alphas[j], changes[j], &direction)
            }
            if let s = steps.last, let y = changes.last {
                let gamma = dot(s, y) / dot(y, y)
                for i in 0..<n { direction[i] *= gamma }
            }
            for j in 0..<steps.count {
                let beta = rhos[j] * dot(changes[j], direction)
                axpy(alphas[j] - beta, steps[j], &direction)
            }
            var slope = dot(gradient, direction)
            if slope >= 0 {
                // Not a descent direction (curvature went stale): restart from steepest descent.
                steps.removeAll()
                changes.removeAll()
                rhos.removeAll()
                for i in 0..<n { direction[i] = -gradient[i] }
                slope = dot(gradient, direction)
            }
            // Backtracking line search with the Armijo condition; the first step is unit length
            // along the gradient until there is curvature information to scale it.
            var step = steps.isEmpty ? min(1, 1 / (-slope).squareRoot()) : 1
            var candidateValue = 0.0
            var accepted = false
            for _ in 0..<60 {
                for i in 0..<n { candidate[i] = x[i] + step * direction[i] }
                candidateValue = evaluate(candidate, &candidateGradient)
                if candidateValue.isFinite, candidateValue <= value + 1e-4 * step * slope {
                    accepted = true
                    break
                }
                // Minimum of the quadratic through f(x), f'(x) and f(x + step·d), kept in [0.1, 0.5]·step.
                let curvature = candidateValue - value - slope * step
                let trial = curvature.isFinite && curvature > 0 ? -slope * step * step / (2 * curvature) : 0.5 * step
                step = min(max(trial, 0.1 * step), 0.5 * step)
            }
            guard accepted else {
                // No decrease is possible at this precision: x is as good as it gets.
                let norm = maxAbs(gradient)
                return Outcome(
                    x: x, value: value, iterations: iterations, converged: norm <= tolerance * 100, gradientNorm: norm)
            }
            var s = [Double](repeating: 0, count: n)
            var y = [Double](repeating: 0, count: n)
            for i in 0..<n {
                s[i] = candidate[i] - x[i]
                y[i] = candidateGradient[i] - gradient[i]
            }
            let sy = dot(s, y)
            if sy > 1e-12 * dot(y, y).squareRoot() * dot(s, s).squareRoot() {
                if steps.count == memory {
                    steps.removeFirst()
                    changes.removeFirst()
                    rhos.removeFirst()
                }
                steps.append(s)
                changes.append(y)
                rhos.append(1 / sy)
            }
            let previous = value
            swap(&x, &candidate)
            swap(&gradient, &candidateGradient)
            value = candidateValue
            // Like scipy's ftol: stop once a step changes f by only rounding noise.
            if previous - value <= 64 * Double.ulpOfOne * max(abs(previous), abs(value), 1) {
                let norm = maxAbs(gradient)
                return Outcome(x: x, value: value, iterations: iterations, converged: true, gradientNorm: norm)
            }
        }
        let norm = maxAbs(gradient)
        return Outcome(x: x, value: value, iterations: iterations, converged: norm <= tolerance, gradientNorm: norm)
    }
}

@inline(__always) func dot(_ a: [Double], _ b: [Double]) -> Double {
    var sum = 0.0
    for i in a.indices { sum += a[i] * b[i] }
    return sum
}

@inline(__always) func axpy(_ a: Double, _ x: [Double], _ y: inout [Double]) {
    for i in x.indices { y[i] += a * x[i] }
}

@inline(__always) func maxAbs(_ values: [Double]) -> Double {
    values.reduce(0) { max($0, abs($1)) }
}
