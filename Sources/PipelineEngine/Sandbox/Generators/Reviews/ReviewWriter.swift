import LabSupport

/// Writes the text of one review from ``ReviewVocabulary``, with the slips real reviews have.
enum ReviewWriter {
    /// A review of one to four sentences for the label at `label` (0 positive, 1 neutral,
    /// 2 negative); each sentence is the label's own with probability `ownSentenceChance`.
    static func review(label: Int, ownSentenceChance: Double, random: inout SeededRandom) -> String {
        let product = random.pick(ReviewVocabulary.products)
        let count = 1 + random.index(weightedBy: [0.25, 0.35, 0.25, 0.15])
        var sentences: [String] = []
        for _ in 0..<count {
            var source = label
            if !random.chance(ownSentenceChance) { source = (label + 1 + random.integer(in: 0...1)) % 3 }
            let template = random.pick(ReviewVocabulary.templates[source])
            var sentence = fill(template, product: product, random: &random)
            if random.chance(0.08) {
                sentence = String(sentence.dropLast()) + random.pick(ReviewVocabulary.exclamations)
            }
            sentences.append(sentence)
        }
        var text = sentences.joined(separator: " ")
        if sentences.count > 2, random.chance(0.04) {
            // A second paragraph: a line break inside the field.
            let half = sentences.count / 2
            text = sentences[..<half].joined(separator: " ") + "\n" + sentences[half...].joined(separator: " ")
        }
        return withTypos(text, random: &random)
    }

    /// The template with each `{slot}` filled in.
    private static func fill(_ template: String, product: String, random: inout SeededRandom) -> String {
        var result = ""
        var slot = ""
        var inSlot = false
        for character in template {
            if character == "{" {
                inSlot = true
                slot = ""
            } else if character == "}" {
                inSlot = false
                result += word(for: slot, product: product, random: &random)
            } else if inSlot {
                slot.append(character)
            } else {
                result.append(character)
            }
        }
        if let first = result.first, first.isLowercase { result = first.uppercased() + result.dropFirst() }
        return result
    }

    private static func word(for slot: String, product: String, random: inout SeededRandom) -> String {
        switch slot {
        case "product": product
        case "aspect", "aspect2": random.pick(ReviewVocabulary.aspects)
        case "pos": random.pick(ReviewVocabulary.positiveWords)
        case "neu": random.pick(ReviewVocabulary.neutralWords)
        case "neg": random.pick(ReviewVocabulary.negativeWords)
        case "period": random.pick(ReviewVocabulary.periods)
        case "person": random.pick(ReviewVocabulary.people)
        default: slot
        }
    }

    /// The text with about one word in forty misspelt by swapping two letters.
    private static func withTypos(_ text: String, random: inout SeededRandom) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for index in words.indices where words[index].count >= 4 && random.chance(0.025) {
            var letters = Array(words[index])
            let at = random.integer(in: 1...(letters.count - 3))
            letters.swapAt(at, at + 1)
            words[index] = String(letters)
        }
        return words.joined(separator: " ")
    }
}
