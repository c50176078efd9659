extension LabError.Code {
    /// A kind of YAML file the lab reads: the first part of the codes of its problems.
    package struct Document: Hashable, Sendable {
        /// The first part of the code: `quiz` in `quiz.bad_value`.
        package let rawValue: String

        init(_ rawValue: String) {
            self.rawValue = rawValue
        }

        /// A behavioural test spec (`model test --spec`).
        package static let behaviour = Self("behaviour")
        /// The course's concept list (`concepts.yaml`).
        package static let concepts = Self("concepts")
        /// Deployment settings (`deploy.yaml`).
        package static let deploy = Self("deploy")
        /// A gate configuration (`gates.yaml`).
        package static let gates = Self("gates")
        /// A lesson's front matter and its steps and quiz files as lists.
        package static let lesson = Self("lesson")
        /// A pipeline lock file (`pipeline.lock`).
        package static let lock = Self("lock")
        /// A params file (`params.yaml`).
        package static let params = Self("params")
        /// A pipeline file (`pipeline.yaml`).
        package static let pipeline = Self("pipeline")
        /// A lesson's quiz (`quiz.yaml`).
        package static let quiz = Self("quiz")
        /// A scenario file.
        package static let scenario = Self("scenario")
        /// A lesson's hands-on steps (`steps.yaml`).
        package static let steps = Self("steps")
        /// A validation suite.
        package static let suite = Self("suite")

        /// Every kind of YAML file, for the catalogue check.
        static let all: [Self] = [
            .behaviour,
            .concepts,
            .deploy,
            .gates,
            .lesson,
            .lock,
            .params,
            .pipeline,
            .quiz,
            .scenario,
            .steps,
            .suite,
        ]
    }

    /// A problem a YAML file can have: the second part of its code (`bad_value` in `quiz.bad_value`).
    package struct Problem: Hashable, Sendable {
        /// The second part of the code: `bad_value` in `quiz.bad_value`.
        package let rawValue: String

        init(_ rawValue: String) {
            self.rawValue = rawValue
        }

        /// `….alias_expansion`: the file's aliases expand to too many values.
        package static let aliasExpansion = Self("alias_expansion")
        /// `….alias_in_key`: an alias is used in a mapping key.
        package static let aliasInKey = Self("alias_in_key")
        /// `….answer_not_an_option`: a choice question's answer is not one of its options.
        package static let answerNotAnOption = Self("answer_not_an_option")
        /// `….bad_check`: a check has no kind, or more than one.
        package static let badCheck = Self("bad_check")
        /// `….bad_key`, as in "parameter name "…" contains a dot; nest it instead (dots join the levels)".
        package static let badKey = Self("bad_key")
        /// `….bad_name`, as in "stage name "…" should start with a letter and hold only letters, digits, '-' and '_'".
        package static let badName = Self("bad_name")
        /// `….bad_path`: a path leaves the sandbox.
        package static let badPath = Self("bad_path")
        /// `….bad_regex`, as in "`regex` "…" is not a valid regular expression".
        package static let badRegex = Self("bad_regex")
        /// `….bad_shape`: a value is a mapping, list or text where another shape is expected.
        package static let badShape = Self("bad_shape")
        /// `….bad_value`: a value is out of range or not one of the expected words.
        package static let badValue = Self("bad_value")
        /// `….duplicate_id`, as in "concept id "…" is listed twice (first at line …)".
        package static let duplicateId = Self("duplicate_id")
        /// `….duplicate_key`: a mapping has the same key twice.
        package static let duplicateKey = Self("duplicate_key")
        /// `….duplicate_name`, as in "two gates are named '…' (the first on line …); give each a unique `name`".
        package static let duplicateName = Self("duplicate_name")
        /// `….empty_value`: a value or list is empty.
        package static let emptyValue = Self("empty_value")
        /// `….missing_key`: a required key is missing.
        package static let missingKey = Self("missing_key")
        /// `….retired_key`: a key the lab no longer accepts (the message names its replacement).
        package static let retiredKey = Self("retired_key")
        /// `….too_many_stages`, as in "`stages` has … stages; a pipeline may have at most … (split it into several …".
        package static let tooManyStages = Self("too_many_stages")
        /// `….unknown_check`: a step's check names no kind of check the lab knows.
        package static let unknownCheck = Self("unknown_check")
        /// `….unknown_group`: a concept names a group the concept list does not have.
        package static let unknownGroup = Self("unknown_group")
        /// `….unknown_key`: a mapping has a key the file does not take (with the nearest one suggested).
        package static let unknownKey = Self("unknown_key")
        /// `….unknown_metric`: a gate names a metric the lab does not compute.
        package static let unknownMetric = Self("unknown_metric")
        /// `….unreadable`: the file cannot be read as the lab wrote it.
        package static let unreadable = Self("unreadable")
        /// `….yaml_aliases`: the file's aliases cannot be checked.
        package static let yamlAliases = Self("yaml_aliases")
        /// `….yaml_syntax`: the text is not valid YAML (with the line and column).
        package static let yamlSyntax = Self("yaml_syntax")

        /// Every problem, for the catalogue check.
        static let all: [Self] = [
            .aliasExpansion,
            .aliasInKey,
            .answerNotAnOption,
            .badCheck,
            .badKey,
            .badName,
            .badPath,
            .badRegex,
            .badShape,
            .badValue,
            .duplicateId,
            .duplicateKey,
            .duplicateName,
            .emptyValue,
            .missingKey,
            .retiredKey,
            .tooManyStages,
            .unknownCheck,
            .unknownGroup,
            .unknownKey,
            .unknownMetric,
            .unreadable,
            .yamlAliases,
            .yamlSyntax,
        ]
    }

    /// The code of `problem` in a `document`: `quiz.bad_value`.
    package init(_ document: Document, _ problem: Problem) {
        self.init(document.rawValue + "." + problem.rawValue)
    }
}
