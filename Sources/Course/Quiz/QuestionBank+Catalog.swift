import Foundation

extension QuestionBank {
    /// Loads the `quiz.yaml` of every lesson in `catalog` (a lesson without one adds nothing;
    /// `lint` is what insists on it).
    ///
    /// Messages name each file by its path inside the content folder, such as
    /// `01-why-ml-differs/quiz.yaml`, since that is what an author edits.
    package static func load(from catalog: LessonCatalog) throws -> QuestionBank {
        var questions: [Question] = []
        for lesson in catalog.lessons {
            let path = lesson.directory + "/quiz.yaml"
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let folder = URL(fileURLWithPath: lesson.directory).lastPathComponent
            questions += try QuizLoader.load(path: path, lessonId: lesson.id, displayPath: folder + "/quiz.yaml")
        }
        return try QuestionBank(questions)
    }
}
