import Foundation

/// The rules that flag a question, each with its threshold.
package enum ItemFlagging {
    /// Above this facility a question is too easy to tell learners apart.
    package static let easyAbove = 0.9
    /// Below this facility a question is too hard (or its key is wrong).
    package static let hardBelow = 0.2
    /// Below this discrimination a question does not separate stronger from weaker learners.
    package static let discriminationBelow = 0.1

    /// The flags of an analysed item, each saying why in words.
    static func flags(for item: ItemAnalysis) -> [ItemFlag] {
        var flags: [ItemFlag] = []
        func flag(_ kind: ItemFlag.Kind, _ reason: String) {
            flags.append(
                ItemFlag(question: item.question, file: item.file, line: item.line, kind: kind, reason: reason))
        }
        let facility = percent(item.facility)
        if item.facility > easyAbove {
            flag(
                .tooEasy,
                "\(facility) answer it right at first try; it hardly tells learners apart (make it harder or drop it)")
        } else if item.facility < hardBelow {
            flag(
                .tooHard,
                "only \(facility) answer it right at first try; check the key and the wording, or teach it better")
        }
        switch item.discrimination {
        case nil:
            flag(
                .noDiscrimination,
                "discrimination cannot be computed: the item scores or the rest scores are all the same")
        case let value? where value < 0:
            flag(
                .negativeDiscrimination,
                "discrimination is \(decimal(value)): learners who do well on the other questions get this one wrong more often; check the key"
            )
        case let value? where value < discriminationBelow:
            flag(
                .lowDiscrimination,
                "discrimination is \(decimal(value)), below \(decimal(discriminationBelow)): it barely separates stronger from weaker learners"
            )
        default:
            break
        }
        let keys = item.options.filter(\.key)
        if let keyShare = keys.map(\.upperShare).min() {
            for option in item.options where !option.key && option.upperShare > keyShare {
                let key = keys.map(\.option).joined(separator: ",")
                flag(
                    .distractorBeatsKey,
                    "distractor \(option.option) (\"\(option.text)\") is chosen by \(percent(option.upperShare)) of the upper group, the key \(key) by \(percent(keyShare)); is \(option.option) right, or is it ambiguous?"
                )
            }
        }
        return flags
    }

    static func percent(_ share: Double) -> String {
        String(format: "%.0f%%", share * 100)
    }

    static func decimal(_ value: Double) -> String {
        String(format: "%.2f", value)
    }
}
