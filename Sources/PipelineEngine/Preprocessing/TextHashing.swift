/// Turns free text into a fixed-width bag of words, so text columns can feed linear models.
///
/// Words are lower-cased runs of letters and digits (everything else separates words), and
/// each word lands in bucket `FNV-1a(word) mod buckets`. FNV-1a is used because it is stable
/// across runs, machines and Swift versions, unlike `Hasher`.
package enum TextHashing {
    /// The lower-cased words of `text`, with punctuation and whitespace as separators.
    package static func tokens(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The 32-bit FNV-1a hash of a string's UTF-8 bytes.
    package static func fnv1a32(_ text: String) -> UInt32 {
        var hash: UInt32 = 0x811c_9dc5
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash &*= 0x0100_0193
        }
        return hash
    }

    /// The bucket a word counts towards.
    package static func bucket(of word: String, buckets: Int) -> Int {
        Int(fnv1a32(word) % UInt32(buckets))
    }

    /// Word counts of `text` per bucket, scaled to unit Euclidean length (all zeros for no words).
    ///
    /// Unit length keeps a long review from outweighing a short one only by its length, as
    /// scikit-learn's `HashingVectorizer` does with its default `norm="l2"`.
    package static func vector(_ text: String, buckets: Int) -> [Double] {
        var vector = [Double](repeating: 0, count: buckets)
        for (bucket, weight) in sparseVector(text, buckets: buckets) { vector[bucket] = weight }
        return vector
    }

    /// The non-zero entries of ``vector(_:buckets:)`` as (bucket, weight) pairs, by bucket.
    package static func sparseVector(_ text: String, buckets: Int) -> [(Int, Double)] {
        var counts: [Int: Double] = [:]
        for word in tokens(text) { counts[bucket(of: word, buckets: buckets), default: 0] += 1 }
        let entries = counts.sorted { $0.key < $1.key }
        let norm = entries.reduce(0) { $0 + $1.value * $1.value }.squareRoot()
        return entries.map { ($0.key, $0.value / norm) }
    }
}
