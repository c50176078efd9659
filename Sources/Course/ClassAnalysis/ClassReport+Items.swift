import Foundation

extension ClassReport {
    /// The item analysis of `question` over its takers (learners sorted by profile name).
    static func analyse(_ question: Question, takers: [Taker]) -> ItemAnalysis {
        let scores = takers.map(\.score)
        let rest = takers.map { $0.total - $0.score }
        let ranked = takers.sorted { ($1.total, $0.profile) < ($0.total, $1.profile) }
        let size = ItemStatistics.groupSize(of: takers.count)
        let upper = Array(ranked.prefix(size))
        let lower = Array(ranked.suffix(size))
        let upperFacility = ItemStatistics.mean(upper.map(\.score)) ?? 0
        let lowerFacility = ItemStatistics.mean(lower.map(\.score)) ?? 0
        var item = ItemAnalysis(
            question: question.id, lesson: question.lessonId, type: question.kind.rawValue,
            difficulty: question.difficulty.rawValue, concepts: question.concepts, file: question.location.file,
            line: question.location.line, key: question.answer.authoredText, learners: takers.count,
            facility: ItemStatistics.mean(scores) ?? 0,
            discrimination: ItemStatistics.pearson(scores, rest),
            upperLowerIndex: upperFacility - lowerFacility, groupSize: size,
            upperFacility: upperFacility, lowerFacility: lowerFacility,
            skippedShare: Double(takers.filter(\.answer.skipped).count) / Double(takers.count),
            options: optionShares(question, takers: takers, upper: upper),
            flaggable: takers.count >= minimumLearners, flags: [])
        if item.flaggable { item.flags = ItemFlagging.flags(for: item) }
        return item
    }

    /// The share choosing each option, overall and in the upper group, for choice questions.
    static func optionShares(_ question: Question, takers: [Taker], upper: [Taker]) -> [ItemAnalysis.OptionShare] {
        let labelled: [(option: String, text: String, key: Bool)]
        switch question.answer {
        case .choice(let key):
            labelled = question.options.indices.map { (optionLetter($0), question.options[$0], $0 == key) }
        case .choices(let keys):
            labelled = question.options.indices.map { (optionLetter($0), question.options[$0], keys.contains($0)) }
        case .truth(let key):
            labelled = [("true", "true", key), ("false", "false", !key)]
        case .sequence, .number:
            return []
        }
        func share(_ option: String, among group: [Taker]) -> Double {
            guard !group.isEmpty else { return 0 }
            let choosing = group.filter { chosen($0.answer).contains(option) }.count
            return Double(choosing) / Double(group.count)
        }
        return labelled.map {
            ItemAnalysis.OptionShare(
                option: $0.option, text: $0.text, key: $0.key, share: share($0.option, among: takers),
                upperShare: share($0.option, among: upper))
        }
    }

    /// The options an answer chose, from its `given` (`a,c` → `a` and `c`); none when skipped.
    static func chosen(_ answer: LearnerExport.Answer) -> Set<String> {
        guard !answer.skipped else { return [] }
        return Set(
            answer.given.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
    }
}
