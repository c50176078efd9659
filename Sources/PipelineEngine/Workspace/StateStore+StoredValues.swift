import Foundation
import LabSupport

extension StateStore {
    /// A value `state.sqlite` stores as its raw text; text no build of the lab writes means a
    /// damaged file.
    static func decode<Value: RawRepresentable<String>>(_ text: String, as what: String) throws -> Value {
        guard let value = Value(rawValue: text) else {
            throw LabError(
                .stateCorrupt, "the lab's state holds an unknown \(what) '\(text)'; `sandbox reset` starts afresh")
        }
        return value
    }
}
