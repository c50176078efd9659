extension LabError.Code {
    /// A kind of YAML file the lab reads: the first part of the codes of its problems.
    public struct Document: Hashable, Sendable {
        /// The first part of the code: `quiz` in `quiz.bad_value`.
        public let rawValue: String

        init(_ rawValue: String) {
            self.rawValue = rawValue
        }

        /// The course's concept list (`concepts.yaml`).
        public static let concepts = Self("concepts")
        /// Deployment settings (`deploy.yaml`).
        public static let deploy = Self("deploy")
        /// A gate configuration (`gates.yaml`).
        public static let gates = Self("gates")
        /// A lesson's front matter and its steps and quiz files as lists.
        public static let lesson = Self("lesson")
        /// A pipeline lock file (`pipeline.lock`).
        public static let lock = Self("lock")
        /// A params file (`params.yaml`).
        public static let params = Self("params")
        /// A pipeline file (`pipeline.yaml`).
        public static let pipeline = Self("pipeline")
        /// A lesson's quiz (`quiz.yaml`).
        public static let quiz = Self("quiz")
        /// A scenario file.
        public static let scenario = Self("scenario")
        /// A lesson's hands-on steps (`steps.yaml`).
        public static let steps = Self("steps")
        /// A validation suite.
        public static let suite = Self("suite")

        /// Every kind of YAML file, for the catalogue check.
        static let all: [Self] = [.concepts, .deploy, .gates, .lesson, .lock, .params, .pipeline, .quiz, .scenario, .steps, .suite]
    }

    /// A problem a YAML file can have: the second part of its code (`bad_value` in `quiz.bad_value`).
    public struct Problem: Hashable, Sendable {
        /// The second part of the code: `bad_value` in `quiz.bad_value`.
        public let rawValue: String

        init(_ rawValue: String) {
            self.rawValue = rawValue
        }

        /// `….alias_expansion`, as in "the aliases of this file expand to more than … values (the alias *… alone to …".
        public static let aliasExpansion = Self("alias_expansion")
        /// `….alias_in_key`, as in "the alias *… is used in a mapping key; write the key out in full (aliases are not allowe…".
        public static let aliasInKey = Self("alias_in_key")
        /// `….answer_not_an_option`, as in "… "…" is not among the options a to …".
        public static let answerNotAnOption = Self("answer_not_an_option")
        /// `….bad_check`, as in "a check has exactly one kind, found …".
        public static let badCheck = Self("bad_check")
        /// `….bad_key`, as in "parameter name "…" contains a dot; nest it instead (dots join the levels)".
        public static let badKey = Self("bad_key")
        /// `….bad_name`, as in "stage name "…" should start with a letter and hold only letters, digits, '-' and '_'".
        public static let badName = Self("bad_name")
        /// `….bad_path`, as in "… "…" leaves the sandbox; write a path relative to the workspace".
        public static let badPath = Self("bad_path")
        /// `….bad_regex`, as in "`regex` "…" is not a valid regular expression".
        public static let badRegex = Self("bad_regex")
        /// `….bad_shape`, as in ""tolerance" applies only to numeric questions; … is …".
        public static let badShape = Self("bad_shape")
        /// `….bad_value`, as in "`minutes` is "…"; expected a whole number of minutes such as 10".
        public static let badValue = Self("bad_value")
        /// `….duplicate_id`, as in "concept id "…" is listed twice (first at line …)".
        public static let duplicateId = Self("duplicate_id")
        /// `….duplicate_key`, as in "the key "…" appears twice in one mapping".
        public static let duplicateKey = Self("duplicate_key")
        /// `….duplicate_name`, as in "two gates are named '…' (the first on line …); give each a unique `name`".
        public static let duplicateName = Self("duplicate_name")
        /// `….empty_value`, as in "`concepts` is empty; a lesson teaches at least one concept".
        public static let emptyValue = Self("empty_value")
        /// `….missing_key`, as in "the concept list needs `groups:` and `concepts:`".
        public static let missingKey = Self("missing_key")
        /// `….retired_key`, as in "`…` is no longer accepted in a … check: …".
        public static let retiredKey = Self("retired_key")
        /// `….too_many_stages`, as in "`stages` has … stages; a pipeline may have at most … (split it into several pipeline fil…".
        public static let tooManyStages = Self("too_many_stages")
        /// `….unknown_check`.
        public static let unknownCheck = Self("unknown_check")
        /// `….unknown_group`.
        public static let unknownGroup = Self("unknown_group")
        /// `….unknown_key`.
        public static let unknownKey = Self("unknown_key")
        /// `….unknown_metric`.
        public static let unknownMetric = Self("unknown_metric")
        /// `….unreadable`, as in "…; delete the lock file to rebuild it from the run cache".
        public static let unreadable = Self("unreadable")
        /// `….yaml_aliases`, as in "this file uses anchors and aliases and every private-use character …".
        public static let yamlAliases = Self("yaml_aliases")
        /// `….yaml_syntax`, as in "this is not valid YAML: …".
        public static let yamlSyntax = Self("yaml_syntax")

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
    public init(_ document: Document, _ problem: Problem) {
        self.init(document.rawValue + "." + problem.rawValue)
    }
}
