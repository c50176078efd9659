import Testing

@testable import LabSupport
@testable import PipelineEngine

/// A model's settings read back by name: as its type, and a name the model does not have (or
/// the wrong type) is an error that names it, never a crash.
@Suite struct ModelParametersTests {
    @Test func aSettingIsReadBackAsItsType() throws {
        let parameters = try ModelParameters(kind: .logistic, given: ["C": "0.5", "text_columns": "review, title"])
        #expect(try parameters.double("C") == 0.5)
        #expect(try parameters.integer("max_iter") == 1000)
        #expect(try parameters.list("text_columns") == ["review", "title"])
        #expect(try parameters.list("categorical_columns") == [])
    }

    @Test func aMistypedNameIsAnErrorNamingItAndTheNearestSetting() throws {
        let parameters = try ModelParameters(kind: .linear, given: [:])
        let error = LabError(
            "train.unknown_param",
            "there is no parameter 'alpah'; did you mean 'alpha'? "
                + "(parameters: alpha, categorical_columns, hash_buckets, max_categories, text_columns)")
        #expect(throws: error) { try parameters.double("alpah") }
        #expect(throws: LabError.self) { try parameters.integer("alpah") }
        #expect(throws: LabError.self) { try parameters.list("alpah") }
    }

    @Test func aSettingReadAsTheWrongTypeIsAnError() throws {
        let parameters = try ModelParameters(kind: .logistic, given: ["text_columns": "review"])
        #expect(throws: LabError("train.bad_param", "parameter 'text_columns' is 'review', not a number")) {
            try parameters.double("text_columns")
        }
        #expect(throws: LabError("train.bad_param", "parameter 'tol' is '1e-06', not a whole number")) {
            try parameters.integer("tol")
        }
    }
}
