@testable import LabSupport
@testable import PipelineEngine

/// Tests spell error codes as users see them (`"csv.ragged_row"`), so each assertion checks
/// the code itself, not only the catalogue's name for it. Only tests may: the sources name
/// every code through the catalogue.
extension LabError.Code: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self.init(value)
    }
}

extension LabError.Code.Document: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self.init(value)
    }
}
