import Course
import PipelineEngine

extension LabSession {
    /// Where the lessons and sandbox templates are, if they were found.
    public var content: ContentLocation? {
        if let locatedContent { return locatedContent }
        let found = ContentLocation.locate(flag: startOptions.content, environment: environment)
        locatedContent = .some(found)
        return found
    }

    /// The lessons of the course content.
    public func catalog() throws -> LessonCatalog {
        guard let content else {
            throw LabError("content.missing",
                           "cannot find the course content (a Lessons/ folder); pass --content DIR or set CICDLAB_CONTENT")
        }
        return try LessonCatalog.load(from: content.lessonsDirectory)
    }
}
