/// The learnt parameters of a model, one case per ``ModelKind``.
enum FittedEstimator: Sendable, Equatable {
    case logistic(LogisticRegression)
    case linear(RidgeRegression)
    case knn(KNearestNeighbors)
    case naiveBayes(GaussianNaiveBayes)

    var kind: ModelKind {
        switch self {
        case .logistic: .logistic
        case .linear: .linear
        case .knn: .knn
        case .naiveBayes: .naiveBayes
        }
    }

    /// Whether every learnt number is finite (a fit on values near ±1.8e308 can overflow).
    var isFinite: Bool {
        func finite(_ values: [Double]) -> Bool { values.allSatisfy(\.isFinite) }
        switch self {
        case .logistic(let m): return m.coefficients.allSatisfy(finite) && finite(m.intercepts)
        case .linear(let m): return finite(m.coefficients) && m.intercept.isFinite
        case .knn(let m): return finite(m.points)
        case .naiveBayes(let m):
            return m.means.allSatisfy(finite) && m.variances.allSatisfy(finite) && finite(m.priors)
        }
    }

    /// Writes the prediction for one row of `width` features into `out`: class probabilities
    /// for a classifier, the single predicted value for a regression.
    func predict(_ row: UnsafePointer<Double>, width: Int, into out: UnsafeMutablePointer<Double>) {
        switch self {
        case .logistic(let model): model.probabilities(row, width: width, into: out)
        case .linear(let model): out[0] = model.predict(row, width: width)
        case .knn(let model): model.probabilities(row, into: out)
        case .naiveBayes(let model): model.probabilities(row, width: width, into: out)
        }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .logistic(let model): try model.encode(to: encoder)
        case .linear(let model): try model.encode(to: encoder)
        case .knn(let model): try model.encode(to: encoder)
        case .naiveBayes(let model): try model.encode(to: encoder)
        }
    }

    /// Decodes the parameters of a `kind` model.
    init(kind: ModelKind, from decoder: any Decoder) throws {
        switch kind {
        case .logistic: self = .logistic(try LogisticRegression(from: decoder))
        case .linear: self = .linear(try RidgeRegression(from: decoder))
        case .knn: self = .knn(try KNearestNeighbors(from: decoder))
        case .naiveBayes: self = .naiveBayes(try GaussianNaiveBayes(from: decoder))
        }
    }
}
