import Foundation
package import LabSupport
import PipelineEngine

/// What `lint` found in a course: how much it read and every problem, located.
package struct LintReport: Sendable {
    package var lessons = 0
    package var steps = 0
    package var questions = 0
    package var concepts = 0
    /// Every problem, in the order of the files (concepts first, then lesson by lesson).
    package var problems: [LabError] = []
    /// The guessing cues of the whole question bank, and of each lesson's quiz in course order.
    package var cues = QuizCues()
    package var lessonCues: [(lesson: String, cues: QuizCues)] = []
}

/// Checks course content for its authors: front matter, concept ids, duplicate ids, steps and
/// their checks, quizzes; every problem with its file and line, all of them in one run.
package struct CourseLinter {
    /// The lessons folder to read.
    package var directory: String
    /// How messages name that folder (`Lessons`, or the path as the author typed it).
    package var displayName: String
    /// The `Sandbox/` templates that `file_changed` checks compare with, when there are any.
    package var templates: String?
    /// Whether every concept must be taught by a lesson and asked by at least two questions.
    package var coverage = false
    /// Says what is wrong with a command a step names, or nil when the lab would run it.
    package var commandProblem: @Sendable (String) -> String? = { _ in nil }
    /// Says what is wrong with the first words of a command a `ran` check names (`gate check`,
    /// without its arguments), or nil when they name a lab command.
    package var commandWordsProblem: @Sendable ([String]) -> String? = { _ in nil }

    package init(directory: String, displayName: String, templates: String?) {
        self.directory = directory
        self.displayName = displayName
        self.templates = templates
    }

    /// A lesson folder's front matter as read in the first pass, before anything is checked.
    struct Draft {
        var folder: String
        var lines: [String]
        var front: FrontMatterReader.Result
        var display: String { "\(folder)/lesson.md" }
    }

    /// Reads everything under the folder and reports what is wrong.
    ///
    /// Throws only when the folder itself cannot be read.
    package func lint() throws -> LintReport {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LabError(.contentMissing, "no lessons folder at \(displayName)")
        }
        var report = LintReport()
        let concepts = readConcepts(into: &report)
        // Folders in order: a lesson's draft, or the problem of a folder that is not a lesson.
        var folders: [Result<Draft, LabError>] = []
        for entry in try fm.contentsOfDirectory(atPath: directory).sorted() where !entry.hasPrefix(".") {
            let folder = directory + "/" + entry
            guard fm.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            let shown = displayName + "/" + entry
            guard let data = fm.contents(atPath: folder + "/lesson.md") else {
                if let other = ["steps.yaml", "quiz.yaml"].first(where: { fm.fileExists(atPath: folder + "/" + $0) }) {
                    folders.append(
                        .failure(
                            LabError(
                                .lessonMissing,
                                "the folder has \(other) but no lesson.md; every lesson folder needs one",
                                file: shown)))
                }
                continue
            }
            let lines = LessonParser.lines(of: String(decoding: data, as: UTF8.self))
            folders.append(
                .success(
                    Draft(folder: shown, lines: lines, front: FrontMatterReader(file: shown + "/lesson.md").read(lines))
                ))
        }
        let drafts = folders.compactMap { try? $0.get() }
        let lessonIds = drafts.compactMap { $0.front.partial?.id }.filter { !$0.isEmpty }
        var lessonFiles: [String: String] = [:]
        var questionLocations: [String: SourceLocation] = [:]
        var taught: Set<String> = []
        var asked: [String: Int] = [:]
        var bank: [Question] = []
        for entry in folders {
            let draft: Draft
            switch entry {
            case .failure(let problem):
                report.problems.append(problem)
                continue
            case .success(let found):
                draft = found
            }
            let folder = directory + "/" + URL(fileURLWithPath: draft.folder).lastPathComponent
            var lesson = LessonLint(
                linter: self, draft: draft, folder: folder, concepts: concepts, lessonIds: lessonIds)
            lesson.checkLessonFile(firstFileWithId: &lessonFiles)
            lesson.checkSteps()
            lesson.checkQuiz(firstQuestionAt: &questionLocations)
            report.problems += lesson.problems
            report.lessons += 1
            report.steps += lesson.stepCount
            report.questions += lesson.questions.count
            taught.formUnion(draft.front.partial?.concepts ?? [])
            for question in lesson.questions {
                for concept in Set(question.concepts) { asked[concept, default: 0] += 1 }
                report.problems += QuizCues.questionProblems(question)
            }
            bank += lesson.questions
            if !lesson.questions.isEmpty {
                report.lessonCues.append((draft.front.partial?.id ?? draft.folder, QuizCues.measure(lesson.questions)))
            }
        }
        report.cues = QuizCues.measure(bank)
        report.problems += QuizCues.bankProblems(bank)
        if coverage, let concepts {
            report.problems += coverageProblems(concepts, taught: taught, asked: asked)
        }
        return report
    }

    private func readConcepts(into report: inout LintReport) -> ConceptList? {
        let path = directory + "/" + ConceptList.fileName
        let shown = displayName + "/" + ConceptList.fileName
        guard let data = FileManager.default.contents(atPath: path) else {
            report.problems.append(
                LabError(
                    .conceptsMissing,
                    "there is no concept list, so concept ids cannot be checked; create it with `groups:` and `concepts:`",
                    file: shown))
            return nil
        }
        let list = ConceptList.parse(String(decoding: data, as: UTF8.self), file: shown)
        report.problems += list.problems
        report.concepts = list.concepts.count
        return list
    }

    private func coverageProblems(_ concepts: ConceptList, taught: Set<String>, asked: [String: Int]) -> [LabError] {
        let file = displayName + "/" + ConceptList.fileName
        var problems: [LabError] = []
        for concept in concepts.concepts {
            if !taught.contains(concept.id) {
                problems.append(
                    LabError(
                        .coverageNotTaught,
                        "concept \"\(concept.id)\" is taught by no lesson; list it in a lesson's `concepts:`",
                        file: file, line: concept.line))
            }
            let count = asked[concept.id] ?? 0
            if count < 2 {
                let times = count == 0 ? "no question" : "only 1 question"
                problems.append(
                    LabError(
                        .coverageTooFewQuestions,
                        "concept \"\(concept.id)\" is asked by \(times); every concept needs at least 2",
                        file: file, line: concept.line))
            }
        }
        return problems
    }
}
