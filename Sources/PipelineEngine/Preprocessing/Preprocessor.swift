import LabSupport

/// The fitted preprocessing of a model: one transform per input column, in feature order.
package struct Preprocessor: Sendable, Equatable, Codable {
    package var transforms: [FeatureTransform]

    package init(transforms: [FeatureTransform]) {
        self.transforms = transforms
    }

    /// The number of model features all transforms produce together.
    package var width: Int { transforms.reduce(0) { $0 + $1.width } }

    /// Whether every learnt mean and scale is a finite number.
    var isFinite: Bool {
        transforms.allSatisfy { transform in
            guard case .numeric(let scaling) = transform else { return true }
            return scaling.mean.isFinite && scaling.scale.isFinite
        }
    }

    /// The model feature names, in matrix column order.
    package var outputNames: [String] { transforms.flatMap(\.outputNames) }
}

/// Choices that decide how columns are encoded, taken from the model params.
package struct PreprocessingOptions: Sendable, Equatable {
    /// A text column with at most this many distinct training values is categorical; with
    /// more it is treated as free text.
    package var maxCategories = 20
    /// Buckets of the hashed bag of words for text columns.
    package var hashBuckets = 256
    /// Columns to treat as free text whatever their number of values.
    package var textColumns: [String] = []
    /// Columns to one-hot encode whatever their type or number of values.
    package var categoricalColumns: [String] = []

    package init() {}
}

extension Preprocessor {
    /// Learns the transforms of `features` from the rows of `table`.
    ///
    /// Numbers are standardised; booleans and text columns with at most `maxCategories`
    /// distinct values are one-hot encoded; other text columns are hashed bags of words. The
    /// `textColumns` and `categoricalColumns` options override that choice per column.
    package static func fit(_ table: DataTable, features: [String], options: PreprocessingOptions) throws
        -> Preprocessor
    {
        for name in options.textColumns + options.categoricalColumns where !features.contains(name) {
            var message = "'\(name)' is named in text_columns or categorical_columns but is not a feature"
            if let guess = closestMatch(to: name, among: features) { message += ". Did you mean '\(guess)'?" }
            throw LabError(.trainBadParam, message)
        }
        var transforms: [FeatureTransform] = []
        for name in features {
            let column = try table.requireColumn(name)
            if options.textColumns.contains(name) {
                guard column.type == .string else {
                    throw LabError(
                        .trainBadParam,
                        "text_columns names '\(name)', which holds \(column.type.rawValue) values; only text columns can be hashed as words"
                    )
                }
                transforms.append(.text(HashedText(name: name, buckets: options.hashBuckets)))
            } else if options.categoricalColumns.contains(name) || column.type == .boolean {
                transforms.append(.categorical(OneHotCategories(name: name, categories: categories(of: column))))
            } else if column.isNumeric {
                transforms.append(.numeric(try scaling(of: column, source: table.source)))
            } else {
                let values = categories(of: column)
                transforms.append(
                    values.count <= options.maxCategories
                        ? .categorical(OneHotCategories(name: name, categories: values))
                        : .text(HashedText(name: name, buckets: options.hashBuckets)))
            }
        }
        return Preprocessor(transforms: transforms)
    }

    /// The mean of a numeric column's non-null values, and the population standard deviation
    /// of the column once its nulls are imputed with that mean.
    static func scaling(of column: Column, source: String) throws -> NumericScaling {
        let values = column.numericValues()
        guard !values.isEmpty else {
            throw LabError(
                .trainEmptyFeature,
                "feature '\(column.name)' has no values in the training rows of \(source.isEmpty ? "the data" : source); drop it with --features"
            )
        }
        var mean = values.reduce(0, +) / Double(values.count)
        var squares = 0.0
        for value in values { squares += (value - mean) * (value - mean) }
        // Imputed nulls sit at the mean: they add rows but no spread.
        var std = (squares / Double(column.count)).squareRoot()
        if !mean.isFinite || !std.isFinite {
            // Values near ±1.8e308 overflow the sums: take them over values scaled below 1.
            let factor = ExtremeValues.downscale(forMagnitude: ExtremeValues.largestMagnitude(values))
            let scaled = ExtremeValues.scaledMoments(values, scale: factor)
            mean = scaled.mean / factor
            std = (scaled.variance * Double(values.count) / Double(column.count)).squareRoot() / factor
        }
        // Like StandardScaler: a (near-)constant column keeps scale 1 instead of blowing up.
        let scale = std < 10 * Double.ulpOfOne ? 1 : std
        return NumericScaling(name: column.name, mean: mean, scale: scale, missingIndicator: column.nullCount > 0)
    }

    /// The distinct non-null values of a column as text, in label order.
    static func categories(of column: Column) -> [String] {
        if case .string(let codes, let dictionary) = column.storage {
            var used = [Bool](repeating: false, count: dictionary.count)
            for code in codes where code >= 0 { used[Int(code)] = true }
            return LabelOrder.sorted(dictionary.indices.filter { used[$0] }.map { dictionary[$0] })
        }
        var seen = Set<String>()
        for row in 0..<column.count { if let text = column.text(at: row) { seen.insert(text) } }
        return LabelOrder.sorted(seen)
    }
}

/// Saved as `{"columns": [...]}` so the file reads as the list of input columns.
extension Preprocessor {
    enum CodingKeys: String, CodingKey { case columns }

    package init(from decoder: any Decoder) throws {
        transforms = try decoder.container(keyedBy: CodingKeys.self).decode([FeatureTransform].self, forKey: .columns)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(transforms, forKey: .columns)
    }
}
