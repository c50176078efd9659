/// Named metric values in a fixed order, encoded as a JSON object (`null` where undefined).
///
/// A metric can be undefined, such as ROC AUC on rows of a single class; it is then nil here
/// and `null` in JSON rather than a NaN that JSON cannot carry.
package struct MetricSet: Sendable, Equatable {
    package struct Entry: Sendable, Equatable {
        package var name: String
        package var value: Double?
    }

    package private(set) var entries: [Entry] = []

    package init() {}

    package init(_ pairs: KeyValuePairs<String, Double?>) {
        for (name, value) in pairs { self[name] = value }
    }

    /// The value of `name`; nil when it is undefined or absent.
    package subscript(name: String) -> Double? {
        get { entries.first { $0.name == name }?.value ?? nil }
        set {
            let value = newValue.flatMap { $0.isFinite ? $0 : nil }
            if let i = entries.firstIndex(where: { $0.name == name }) {
                entries[i].value = value
            } else {
                entries.append(Entry(name: name, value: value))
            }
        }
    }

    package var names: [String] { entries.map(\.name) }

    /// Every metric an evaluation can measure: the classification ones, then the regression ones.
    package static let measurable = ["accuracy", "precision", "recall", "f1", "roc_auc", "rmse", "mae", "r2"]
}

extension MetricSet: Codable {
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            self[key.stringValue] = try container.decodeIfPresent(Double.self, forKey: key)
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for entry in entries {
            if let value = entry.value {
                try container.encode(value, forKey: Key(stringValue: entry.name))
            } else {
                try container.encodeNil(forKey: Key(stringValue: entry.name))
            }
        }
    }
}
