import LabSupport

/// The order of class labels and categories: numeric when every label is a number, else by text.
///
/// This matches `numpy.unique` on the original values (so `2` comes before `10`, and `false`
/// before `true`), which is the order scikit-learn gives `classes_` and one-hot categories;
/// the positive class of a binary problem is the last label in this order.
package enum LabelOrder {
    package static func sorted<Labels: Sequence>(_ labels: Labels) -> [String] where Labels.Element == String {
        // Distinct by code points, as Python compares strings: NFC and NFD "café" are two labels.
        let unique = Array(Set(labels.map(CodePoints.init))).map(\.text)
        let numbers = unique.compactMap(Double.init)
        if !unique.isEmpty, numbers.count == unique.count {
            return zip(unique, numbers).sorted { a, b in
                a.1 != b.1 ? a.1 < b.1 : byScalars(a.0, b.0)
            }.map(\.0)
        }
        return unique.sorted(by: byScalars)
    }

    /// Code-point order, as Python compares strings (Swift's `<` follows Unicode collation).
    static func byScalars(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }
}
