import Foundation

/// A lesson of the course: its front matter and its pages, read from `lesson.md`.
public struct Lesson: Sendable, Equatable {
    /// The YAML front matter at the top of `lesson.md`.
    public struct FrontMatter: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var summary: String
        public var minutes: Int
        public var prerequisites: [String]
        public var concepts: [String]
        public var objectives: [String]

        enum CodingKeys: String, CodingKey {
            case id, title, summary, minutes, prerequisites, concepts, objectives
        }

        public init(
            id: String, title: String, summary: String, minutes: Int, prerequisites: [String] = [],
            concepts: [String], objectives: [String] = []
        ) {
            self.id = id
            self.title = title
            self.summary = summary
            self.minutes = minutes
            self.prerequisites = prerequisites
            self.concepts = concepts
            self.objectives = objectives
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            title = try c.decode(String.self, forKey: .title)
            summary = try c.decode(String.self, forKey: .summary)
            minutes = try c.decode(Int.self, forKey: .minutes)
            prerequisites = try c.decodeIfPresent([String].self, forKey: .prerequisites) ?? []
            concepts = try c.decode([String].self, forKey: .concepts)
            objectives = try c.decodeIfPresent([String].self, forKey: .objectives) ?? []
        }
    }

    /// One page of a lesson: a `## ` section of `lesson.md`.
    public struct Page: Sendable, Equatable {
        public var title: String
        /// The page's Markdown, without its `## ` heading line.
        public var markdown: String
        /// The line in `lesson.md` where the page's heading is.
        public var line: Int
    }

    public var meta: FrontMatter
    public var pages: [Page]
    /// The lesson's folder, such as `.../Lessons/05-data-validation`.
    public var directory: String

    public var id: String { meta.id }
    public var title: String { meta.title }
    public var lessonFile: String { directory + "/lesson.md" }
    /// The number its folder starts with (`05-data-validation` is 5), which `lesson 5` opens.
    public var number: Int? { Int(URL(fileURLWithPath: directory).lastPathComponent.prefix { $0.isNumber }) }
}
