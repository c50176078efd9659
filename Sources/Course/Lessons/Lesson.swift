import Foundation

/// A lesson of the course: its front matter and its pages, read from `lesson.md`.
package struct Lesson: Sendable, Equatable {
    /// The YAML front matter at the top of `lesson.md`.
    package struct FrontMatter: Codable, Sendable, Equatable {
        package var id: String
        package var title: String
        package var summary: String
        package var minutes: Int
        package var prerequisites: [String]
        package var concepts: [String]
        package var objectives: [String]

        enum CodingKeys: String, CodingKey {
            case id, title, summary, minutes, prerequisites, concepts, objectives
        }

        package init(
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

        package init(from decoder: any Decoder) throws {
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
    package struct Page: Sendable, Equatable {
        package var title: String
        /// The page's Markdown, without its `## ` heading line.
        package var markdown: String
        /// The line in `lesson.md` where the page's heading is.
        package var line: Int
    }

    package var meta: FrontMatter
    package var pages: [Page]
    /// The lesson's folder, such as `.../Lessons/05-data-validation`.
    package var directory: String

    package var id: String { meta.id }
    package var title: String { meta.title }
    package var lessonFile: String { directory + "/lesson.md" }
    /// The number its folder starts with (`05-data-validation` is 5), which `lesson 5` opens.
    package var number: Int? { Int(URL(fileURLWithPath: directory).lastPathComponent.prefix { $0.isNumber }) }
}
