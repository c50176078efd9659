/// How one input column becomes model features, with everything learnt from the training rows.
///
/// The transforms are saved in the model file, so a model applies exactly the scaling, the
/// categories and the hashing it was trained with when it predicts later on other data.
package enum FeatureTransform: Sendable, Equatable {
    /// A number, standardised with the training mean and population standard deviation.
    case numeric(NumericScaling)
    /// A category, one-hot encoded over the categories seen in training.
    case categorical(OneHotCategories)
    /// Free text, as a hashed bag of words.
    case text(HashedText)

    /// The input column this transform reads.
    package var name: String {
        switch self {
        case .numeric(let n): n.name
        case .categorical(let c): c.name
        case .text(let t): t.name
        }
    }

    /// `numeric`, `categorical` or `text`.
    package var encoding: String {
        switch self {
        case .numeric: "numeric"
        case .categorical: "categorical"
        case .text: "text"
        }
    }

    /// How many model features this column becomes (without naming them all).
    package var width: Int {
        switch self {
        case .numeric(let n): n.missingIndicator ? 2 : 1
        case .categorical(let c): c.categories.count
        case .text(let t): t.buckets
        }
    }

    /// Names of the features it produces, such as `tenure`, `plan=basic` or `notes#17`.
    package var outputNames: [String] {
        switch self {
        case .numeric(let n): n.missingIndicator ? [n.name, "\(n.name) (missing)"] : [n.name]
        case .categorical(let c): c.categories.map { "\(c.name)=\($0)" }
        case .text(let t): (0..<t.buckets).map { "\(t.name)#\($0)" }
        }
    }
}

/// Standardisation of a numeric column: `(x - mean) / scale`, nulls imputed with the mean.
///
/// This is scikit-learn's `SimpleImputer()` followed by `StandardScaler()`: `mean` is the
/// mean of the training values, `scale` the population standard deviation (ddof 0) after
/// imputation, or 1 for a constant column so that it becomes zeros instead of dividing by
/// zero. A null therefore becomes exactly 0. When the
/// training rows had nulls an extra 0/1 feature marks them, so the model can learn from
/// missingness itself (like `SimpleImputer(add_indicator=True)`); a null seen only later is
/// imputed without a marker.
package struct NumericScaling: Sendable, Equatable, Codable {
    package var name: String
    package var mean: Double
    package var scale: Double
    package var missingIndicator: Bool

    enum CodingKeys: String, CodingKey {
        case name, mean, scale
        case missingIndicator = "missing_indicator"
    }
}

/// One-hot encoding over the sorted categories seen in training.
///
/// A category not seen in training, or a null, sets no feature at all (scikit-learn's
/// `handle_unknown="ignore"`), so new values at predict time never fail a prediction.
package struct OneHotCategories: Sendable, Equatable, Codable {
    package var name: String
    package var categories: [String]
}

/// A hashed bag of words: word counts per FNV-1a bucket, scaled to unit length.
package struct HashedText: Sendable, Equatable, Codable {
    package var name: String
    package var buckets: Int
}

extension FeatureTransform: Codable {
    enum CodingKeys: String, CodingKey {
        case encoding
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .encoding) {
        case "numeric": self = .numeric(try NumericScaling(from: decoder))
        case "categorical": self = .categorical(try OneHotCategories(from: decoder))
        case "text": self = .text(try HashedText(from: decoder))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .encoding, in: container,
                debugDescription: "unknown feature encoding '\(other)' (expected numeric, categorical or text)")
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(encoding, forKey: .encoding)
        switch self {
        case .numeric(let n): try n.encode(to: encoder)
        case .categorical(let c): try c.encode(to: encoder)
        case .text(let t): try t.encode(to: encoder)
        }
    }
}
