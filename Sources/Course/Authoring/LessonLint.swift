import Foundation
import LabSupport
import PipelineEngine

/// The checks `lint` makes on one lesson folder: `lesson.md`, `steps.yaml`, `quiz.yaml`.
struct LessonLint {
    let linter: CourseLinter
    let draft: CourseLinter.Draft
    /// The folder on disk.
    let folder: String
    let concepts: ConceptList?
    /// The ids of every lesson in the course, for prerequisites.
    let lessonIds: [String]

    var problems: [LabError] = []
    var stepCount = 0
    var questions: [Question] = []

    init(linter: CourseLinter, draft: CourseLinter.Draft, folder: String, concepts: ConceptList?, lessonIds: [String]) {
        self.linter = linter
        self.draft = draft
        self.folder = folder
        self.concepts = concepts
        self.lessonIds = lessonIds
    }

    private var name: String {
        guard let id = (draft.front.meta ?? draft.front.partial)?.id, !id.isEmpty else { return "the lesson" }
        return "lesson \"\(id)\""
    }

    /// Front matter, concept ids, prerequisites, a unique id and at least one page.
    mutating func checkLessonFile(firstFileWithId: inout [String: String]) {
        let file = draft.display
        problems += draft.front.problems
        guard let meta = draft.front.meta ?? draft.front.partial else { return }
        if let first = firstFileWithId[meta.id], !meta.id.isEmpty {
            problems.append(
                LabError(
                    .lessonDuplicateId, "lesson id \"\(meta.id)\" is also used by \(first)",
                    file: file, line: draft.front.keyLines["id"]))
        } else if !meta.id.isEmpty {
            firstFileWithId[meta.id] = file
        }
        if let concepts {
            let lines = draft.front.itemLines["concepts"] ?? []
            for (index, concept) in meta.concepts.enumerated() where !concepts.ids.contains(concept) {
                problems.append(
                    LabError(
                        .lessonUnknownConcept,
                        unknown("concept", concept, among: concepts.ids, listedIn: "concepts.yaml"),
                        file: file, line: index < lines.count ? lines[index] : 1))
            }
        }
        let lines = draft.front.itemLines["prerequisites"] ?? []
        for (index, prerequisite) in meta.prerequisites.enumerated() where !lessonIds.contains(prerequisite) {
            problems.append(
                LabError(
                    .lessonUnknownPrerequisite,
                    unknown("prerequisite", prerequisite, among: lessonIds, listedIn: nil),
                    file: file, line: index < lines.count ? lines[index] : 1))
        }
        if let end = draft.front.end, LessonParser.pages(of: draft.lines, after: end).isEmpty {
            problems.append(
                LabError(
                    .lessonNoPages, "\(name) has no pages; each page starts with a `## ` heading",
                    file: file, line: (draft.front.end ?? 0) + 1))
        }
        if let end = draft.front.end, let deep = MarkdownNesting.firstTooDeep(draft.lines, from: end + 1) {
            problems.append(
                LabError(
                    .lessonNestedTooDeep,
                    "lists and quotes nest \(deep.depth) levels deep here; a page shows at most \(MarkdownNesting.limit) and draws deeper items flat, so nest less",
                    file: file, line: deep.line))
        }
    }

    /// The steps file: present, readable, commands the lab knows, checks that can be evaluated.
    mutating func checkSteps() {
        let path = folder + "/steps.yaml"
        let shown = draft.folder + "/steps.yaml"
        guard FileManager.default.fileExists(atPath: path) else {
            problems.append(
                LabError(
                    .lessonNoSteps, "\(name) has no steps; add steps.yaml with a `steps:` list of hands-on steps",
                    file: draft.display, line: 1))
            return
        }
        let result: StepLoader.Result
        do {
            result = try StepLoader.read(path: path, displayPath: shown)
        } catch {
            var problem = LabError.describing(error)
            problem.file = problem.file ?? shown
            problems.append(problem)
            return
        }
        var found = result.problems
        defer {
            // One list per file, in the order of its lines.
            problems += found.enumerated().sorted {
                ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset)
            }
            .map(\.element)
        }
        stepCount = result.steps.count
        for command in result.commands {
            if let problem = linter.commandProblem(command.text) {
                found.append(
                    LabError(
                        .stepsBadCommand, "`\(command.text)` is not a command the lab can run: \(problem)",
                        file: shown, line: command.location.line, column: command.location.column))
            }
        }
        for step in result.steps {
            if !step.solution.isEmpty, step.wrongAttempts.isEmpty {
                found.append(
                    LabError(
                        .stepsNoWrongAttempt,
                        "step \"\(step.id)\" asks for an edit but lists no `wrong:` attempt; add at least one plausible mistake that its check must reject",
                        file: shown, line: step.location.line, column: step.location.column))
            }
            for check in step.check.flattened {
                // The words are a prefix (`registry show` matches `registry show v2`): only the command must exist.
                if case .ran(let words, _) = check.condition, let problem = linter.commandWordsProblem(words) {
                    found.append(
                        LabError(
                            .stepsBadCommand,
                            "step \"\(step.id)\": `ran: \(words.joined(separator: " "))` names no command the lab can run: \(problem)",
                            file: shown, line: check.location.line, column: check.location.column))
                }
                if let problem = evaluability(of: check) {
                    found.append(
                        LabError(
                            .stepsCheckUnavailable, "step \"\(step.id)\": \(problem)",
                            file: shown, line: check.location.line, column: check.location.column))
                }
            }
        }
    }

    /// Why a check can never be evaluated, or nil.
    private func evaluability(of check: Check) -> String? {
        guard case .fileChanged(let path) = check.condition else { return nil }
        guard let templates = linter.templates else {
            return
                "file_changed compares `\(path)` with its template, but there are no sandbox templates beside the lessons"
        }
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: templates + "/" + path, isDirectory: &isDirectory)
            || isDirectory.boolValue
        {
            return "file_changed compares `\(path)` with its template, but the sandbox templates have no `\(path)`"
        }
        return nil
    }

    /// The quiz: present, readable, concept ids known, question ids unique in the course.
    mutating func checkQuiz(firstQuestionAt: inout [String: SourceLocation]) {
        let path = folder + "/quiz.yaml"
        let shown = draft.folder + "/quiz.yaml"
        guard let data = FileManager.default.contents(atPath: path) else {
            problems.append(
                LabError(
                    .lessonNoQuiz, "\(name) has no quiz; add quiz.yaml with a `questions:` list",
                    file: draft.display, line: 1))
            return
        }
        let read = QuizLoader.read(
            String(decoding: data, as: UTF8.self), file: shown, lessonId: draft.front.partial?.id ?? "")
        problems += read.problems
        questions = read.questions
        if read.questions.isEmpty, read.problems.isEmpty {
            problems.append(LabError(.quizEmptyValue, "\"questions\" is an empty list", file: shown, line: 1))
        }
        for question in read.questions {
            let at = question.location
            if let first = firstQuestionAt[question.id] {
                problems.append(
                    LabError(
                        .quizDuplicateId,
                        "question id \"\(question.id)\" is also used in \(first.file) at line \(first.line)",
                        file: at.file, line: at.line, column: at.column))
            } else {
                firstQuestionAt[question.id] = at
            }
            guard let concepts else { continue }
            for concept in question.concepts where !concepts.ids.contains(concept) {
                problems.append(
                    LabError(
                        .quizUnknownConcept,
                        "question \"\(question.id)\": "
                            + unknown("concept", concept, among: concepts.ids, listedIn: "concepts.yaml"),
                        file: at.file, line: at.line, column: at.column))
            }
        }
    }

    private func unknown(_ what: String, _ value: String, among known: [String], listedIn: String?) -> String {
        var message = "unknown \(what) \"\(value)\""
        if let guess = closestMatch(to: value, among: known) {
            message += "; did you mean \"\(guess)\"?"
        } else if let listedIn {
            message += "; the ids are listed in \(listedIn)"
        } else {
            message += "; expected the id of a lesson in this folder"
        }
        return message
    }
}
