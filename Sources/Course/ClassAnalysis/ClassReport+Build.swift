import Foundation
import LabSupport

extension ClassReport {
    /// Questions answered by fewer learners than this are analysed but never flagged.
    package static let minimumLearners = 5

    /// Analyses the class whose exports are `exports`, against the course's `questions`.
    ///
    /// Learners are ordered by profile name. Each learner's first attempt at a question is the
    /// answer with the earliest `answered_at` (the file's order breaks a tie). A first attempt
    /// scores 1 when right and 0 otherwise (a skip is 0; a hint does not lower it). Throws when
    /// two exports are for the same profile.
    package static func build(exports: [LearnerExport], questions: [Question]) throws -> ClassReport {
        var seen: [String: String] = [:]
        for export in exports {
            if let other = seen[export.profile] {
                throw LabError(
                    .classDuplicateProfile,
                    "profile '\(export.profile)' is in both \(other) and \(export.file); give each learner's export once",
                    file: export.file)
            }
            seen[export.profile] = export.file
        }
        let sorted = exports.sorted { $0.profile < $1.profile }
        let byId = Dictionary(questions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let concepts = unique(questions.flatMap(\.concepts))
        let firsts = sorted.map { firstAttempts($0, known: byId) }
        let totals = firsts.map { $0.values.reduce(0.0) { $0 + ($1.correct ? 1 : 0) } }
        let learners = zip(sorted, zip(firsts, totals)).map { export, pair in
            Learner(
                profile: export.profile, file: export.file, lessonsCompleted: export.lessonsDone.count,
                lessonsDone: export.lessonsDone, answers: export.answers.count, questionsAnswered: pair.0.count,
                firstAttemptScore: pair.1, mastery: mastery(export, concepts: concepts, questions: byId))
        }
        var items: [ItemAnalysis] = []
        for question in questions {
            let takers = sorted.indices.compactMap { index in
                firsts[index][question.id].map {
                    Taker(profile: sorted[index].profile, answer: $0, total: totals[index])
                }
            }
            guard !takers.isEmpty else { continue }
            items.append(analyse(question, takers: takers))
        }
        let flags = items.flatMap(\.flags)
        let summary = Summary(
            learners: learners.count, questionsAnswered: items.count, answers: learners.reduce(0) { $0 + $1.answers },
            flaggedQuestions: Set(flags.map(\.question)).count)
        return ClassReport(
            summary: summary, learners: learners, concepts: concepts, items: items, flags: flags,
            unknownQuestions: unknown(sorted, known: byId), minimumLearnersForFlags: minimumLearners)
    }

    /// One learner's first attempt at a question, with their total first-attempt score.
    struct Taker {
        var profile: String
        var answer: LearnerExport.Answer
        var total: Double
        var score: Double { answer.correct ? 1 : 0 }
    }

    /// Each known question's earliest answer in the export.
    static func firstAttempts(
        _ export: LearnerExport, known: [String: Question]
    ) -> [String: LearnerExport.Answer] {
        var first: [String: LearnerExport.Answer] = [:]
        for answer in export.answers where known[answer.question] != nil {
            if let earlier = first[answer.question], earlier.answeredAt <= answer.answeredAt { continue }
            first[answer.question] = answer
        }
        return first
    }

    /// Right of asked per concept, over every answer, as `progress` counts them.
    static func mastery(_ export: LearnerExport, concepts: [String], questions: [String: Question]) -> [MasteryCell] {
        var asked: [String: Int] = [:]
        var right: [String: Int] = [:]
        for answer in export.answers {
            for concept in questions[answer.question]?.concepts ?? [] {
                asked[concept, default: 0] += 1
                if answer.correct { right[concept, default: 0] += 1 }
            }
        }
        return concepts.map { concept in
            let count = asked[concept] ?? 0
            let hits = right[concept] ?? 0
            return MasteryCell(
                concept: concept, asked: count, right: hits, mastery: count > 0 ? Double(hits) / Double(count) : nil)
        }
    }

    static func unknown(_ exports: [LearnerExport], known: [String: Question]) -> [UnknownQuestion] {
        var found: [String: UnknownQuestion] = [:]
        var order: [String] = []
        for export in exports {
            for answer in export.answers where known[answer.question] == nil {
                if found[answer.question] == nil {
                    order.append(answer.question)
                    found[answer.question] = UnknownQuestion(question: answer.question, answers: 0, learners: [])
                }
                found[answer.question]?.answers += 1
                if found[answer.question]?.learners.last != export.profile {
                    found[answer.question]?.learners.append(export.profile)
                }
            }
        }
        return order.sorted().compactMap { found[$0] }
    }

    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
