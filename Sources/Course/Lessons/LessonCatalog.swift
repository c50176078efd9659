import Foundation
import LabSupport
import PipelineEngine

/// The lessons found in a content folder, in the order of their folder names (`NN-slug`).
package struct LessonCatalog: Sendable {
    package var lessons: [Lesson]
    package var directory: String

    /// Reads every `NN-slug/lesson.md` under `directory`.
    package static func load(from directory: String) throws -> LessonCatalog {
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: directory) else {
            throw LabError(.contentMissing, "no lessons folder at \(directory)")
        }
        var lessons: [Lesson] = []
        for entry in entries.sorted() where !entry.hasPrefix(".") {
            let folder = directory + "/" + entry
            let file = folder + "/lesson.md"
            guard fm.fileExists(atPath: file) else { continue }
            guard let data = fm.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                throw LabError(.lessonUnreadable, "cannot read the lesson as UTF-8 text", file: file)
            }
            lessons.append(try LessonParser.parse(text, file: file, directory: folder))
        }
        return LessonCatalog(lessons: lessons, directory: directory)
    }

    /// The lesson with `id`, or with a folder name or number that identifies it (`05`, `5`).
    package func lesson(_ reference: String) -> Lesson? {
        if let exact = lessons.first(where: { $0.id == reference }) { return exact }
        let folder = { (lesson: Lesson) in URL(fileURLWithPath: lesson.directory).lastPathComponent }
        if let byFolder = lessons.first(where: { folder($0) == reference }) { return byFolder }
        if let number = Int(reference) {
            return lessons.first { $0.number == number }
        }
        return nil
    }
}
