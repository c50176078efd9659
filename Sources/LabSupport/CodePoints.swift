/// Text that compares, hashes and sorts by its Unicode code points, as Python, pandas, scipy
/// and Great Expectations compare strings.
///
/// Swift's `String` equality follows canonical equivalence, so "café" written with `é`
/// (NFC) and with `e` + U+0301 (NFD) are one `String` key; the lab's CSV reader keeps them
/// apart (by bytes), and so must every set and dictionary keyed by category text, or
/// `unique` and `in_set`, drift and encoders would disagree on what a category is.
package struct CodePoints: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let text: String

    package init(_ text: String) { self.text = text }

    package static func == (a: CodePoints, b: CodePoints) -> Bool {
        a.text.utf8.elementsEqual(b.text.utf8)
    }

    package func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(text.utf8.count)
    }

    /// Code-point order; UTF-8 byte order is the same order.
    package static func < (a: CodePoints, b: CodePoints) -> Bool {
        a.text.utf8.lexicographicallyPrecedes(b.text.utf8)
    }

    package var description: String { text }
}
