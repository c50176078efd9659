import Course
import LabSupport
import PipelineEngine

extension LabSession {
    /// Where the lessons and sandbox templates are, if they were found.
    var content: ContentLocation? {
        if let locatedContent { return locatedContent }
        let found = ContentLocation.locate(flag: startOptions.content, environment: environment)
        locatedContent = .some(found)
        return found
    }

    /// The lessons of the course content.
    func catalog() throws -> LessonCatalog {
        guard let content else {
            throw LabError(
                .contentMissing,
                "cannot find the course content (a Lessons/ folder); pass --content DIR or set CICDLAB_CONTENT")
        }
        return try LessonCatalog.load(from: content.lessonsDirectory)
    }
}
