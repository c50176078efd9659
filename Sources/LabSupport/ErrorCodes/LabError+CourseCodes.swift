/// The error codes of lessons, quizzes, steps and the course linter.
extension LabError.Code {
    /// `class.bad_export`, as in "answers[3] has no "answered_at"; expected the file `export progress --format json` writes".
    package static let classBadExport = Self("class.bad_export")
    /// `class.duplicate_profile`, as in "profile 'ana' is in both a.json and b.json; give each learner's export once".
    package static let classDuplicateProfile = Self("class.duplicate_profile")
    /// `class.no_exports`, as in "no export files given; expected one `export progress --format json` file per learner".
    package static let classNoExports = Self("class.no_exports")
    /// `concepts.empty`, as in "the concept list is empty; expected `groups:` and `concepts:`".
    package static let conceptsEmpty = Self("concepts.empty")
    /// `concepts.invalid`: the concept list could not be read for a reason other than its content.
    package static let conceptsInvalid = Self("concepts.invalid")
    /// `concepts.missing`, as in "there is no concept list, so concept ids cannot be checked; create it with …".
    package static let conceptsMissing = Self("concepts.missing")
    /// `content.missing`, as in "no lessons folder at …".
    package static let contentMissing = Self("content.missing")
    /// `coverage.not_taught`, as in "concept "…" is taught by no lesson; list it in a lesson's `concepts:`".
    package static let coverageNotTaught = Self("coverage.not_taught")
    /// `coverage.too_few_questions`, as in "concept "…" is asked by …; every concept needs at least 2".
    package static let coverageTooFewQuestions = Self("coverage.too_few_questions")
    /// `lesson.duplicate_id`, as in "lesson id "…" is also used by …".
    package static let lessonDuplicateId = Self("lesson.duplicate_id")
    /// `lesson.front_matter`, as in "a lesson must start with YAML front matter between `---` lines".
    package static let lessonFrontMatter = Self("lesson.front_matter")
    /// `lesson.gone`, as in "the lesson you were reading, '…', is not in … any more; `lessons` lists them".
    package static let lessonGone = Self("lesson.gone")
    /// `lesson.missing`, as in "the folder has … but no lesson.md; every lesson folder needs one".
    package static let lessonMissing = Self("lesson.missing")
    /// `lesson.missing_key`, as in "the front matter has no `…`; every lesson needs …".
    package static let lessonMissingKey = Self("lesson.missing_key")
    /// `lesson.nested_too_deep`, as in "lists and quotes nest … levels deep here; a page shows at most … and …".
    package static let lessonNestedTooDeep = Self("lesson.nested_too_deep")
    /// `lesson.no_pages`, as in "… has no pages; each page starts with a `## ` heading".
    package static let lessonNoPages = Self("lesson.no_pages")
    /// `lesson.no_quiz`, as in "… has no quiz; add quiz.yaml with a `questions:` list".
    package static let lessonNoQuiz = Self("lesson.no_quiz")
    /// `lesson.no_steps`, as in "… has no steps; add steps.yaml with a `steps:` list of hands-on steps".
    package static let lessonNoSteps = Self("lesson.no_steps")
    /// `lesson.none_open`, as in "no lesson is open yet; `lesson ID` opens one and its sandbox".
    package static let lessonNoneOpen = Self("lesson.none_open")
    /// `lesson.not_a_list`, as in "expected a `…:` list, found a single value".
    package static let lessonNotAList = Self("lesson.not_a_list")
    /// `lesson.start_failed`, as in "the start of lesson '…' could not be made: `…` ended with status …".
    package static let lessonStartFailed = Self("lesson.start_failed")
    /// `lesson.unknown`: no lesson has the id or number given (with the nearest one suggested).
    package static let lessonUnknown = Self("lesson.unknown")
    /// `lesson.unknown_concept`: a lesson names a concept that `concepts.yaml` does not list.
    package static let lessonUnknownConcept = Self("lesson.unknown_concept")
    /// `lesson.unknown_prerequisite`: a lesson requires a lesson that does not exist.
    package static let lessonUnknownPrerequisite = Self("lesson.unknown_prerequisite")
    /// `lesson.unreadable`, as in "cannot read the file as UTF-8 text".
    package static let lessonUnreadable = Self("lesson.unreadable")
    /// `lint.unknown_lesson`: `lint` was given a lesson that the course does not have.
    package static let lintUnknownLesson = Self("lint.unknown_lesson")
    /// `profile.bad_name`, as in "'…' is not a valid profile name: use 1 to 32 letters, digits, '-' or '_'".
    package static let profileBadName = Self("profile.bad_name")
    /// `profile.exists`, as in "a profile named '…' exists already".
    package static let profileExists = Self("profile.exists")
    /// `profile.unknown`: no learner profile has the name given.
    package static let profileUnknown = Self("profile.unknown")
    /// `progress.damaged`, as in "… is damaged (…).
    ///
    /// Nothing was changed. Run `cicdlab doctor --repair` to …".
    package static let progressDamaged = Self("progress.damaged")
    /// `quiz.bad_count`, as in "--count is …; expected a number of questions of 1 or more".
    package static let quizBadCount = Self("quiz.bad_count")
    /// `quiz.cue_all_but_one`: too many multiple-choice questions have every option but one right.
    package static let quizCueAllButOne = Self("quiz.cue_all_but_one")
    /// `quiz.cue_hint`, as in "question "…": the hint says “…”, pointing at the answer instead of the reasoning".
    package static let quizCueHint = Self("quiz.cue_hint")
    /// `quiz.cue_long_key`, as in "question "…": the key has … characters, at least …× the next longest …".
    package static let quizCueLongKey = Self("quiz.cue_long_key")
    /// `quiz.cue_longest_key`: too many single-choice keys are the longest option.
    package static let quizCueLongestKey = Self("quiz.cue_longest_key")
    /// `quiz.cue_right_counts`: multiple-choice questions have too few different counts of right options.
    package static let quizCueRightCounts = Self("quiz.cue_right_counts")
    /// `quiz.cue_true_false`: the true/false keys lean too far one way.
    package static let quizCueTrueFalse = Self("quiz.cue_true_false")
    /// `quiz.duplicate_id`, as in "question id "…" is also used in … at line …".
    package static let quizDuplicateId = Self("quiz.duplicate_id")
    /// `quiz.empty`, as in "the quiz file is empty; expected a "questions" list".
    package static let quizEmpty = Self("quiz.empty")
    /// `quiz.empty_value`, as in ""questions" is an empty list".
    package static let quizEmptyValue = Self("quiz.empty_value")
    /// `quiz.invalid`: a quiz file could not be read for a reason other than its content.
    package static let quizInvalid = Self("quiz.invalid")
    /// `quiz.no_questions`, as in "… has no … questions; it has …".
    package static let quizNoQuestions = Self("quiz.no_questions")
    /// `quiz.unknown_concept`: a question names a concept that `concepts.yaml` does not list.
    package static let quizUnknownConcept = Self("quiz.unknown_concept")
    /// `quiz.unknown_scope`: `quiz` was given a lesson or concept with no questions.
    package static let quizUnknownScope = Self("quiz.unknown_scope")
    /// `quiz.unreadable`, as in "cannot read the quiz file: …".
    package static let quizUnreadable = Self("quiz.unreadable")
    /// `steps.bad_command`, as in "`…` is not a command the lab can run: …".
    package static let stepsBadCommand = Self("steps.bad_command")
    /// `steps.check_unavailable`: a step's check needs something the lab cannot check.
    package static let stepsCheckUnavailable = Self("steps.check_unavailable")
    /// `steps.edit_failed`: a step's solution edits a file that does not exist or does not contain the text.
    package static let stepsEditFailed = Self("steps.edit_failed")
    /// `steps.empty`, as in "the steps file is empty; expected a `steps:` list".
    package static let stepsEmpty = Self("steps.empty")
    /// `steps.invalid`: a steps file could not be read for a reason other than its content.
    package static let stepsInvalid = Self("steps.invalid")
    /// `steps.no_wrong_attempt`, as in "step "…" asks for an edit but lists no `wrong:` attempt; add at least …".
    package static let stepsNoWrongAttempt = Self("steps.no_wrong_attempt")
    /// `steps.none`, as in "lesson '…' has no hands-on steps; `quiz …` tests what it taught".
    package static let stepsNone = Self("steps.none")
    /// `steps.out_outside`: a command in course content writes outside the sandbox.
    package static let stepsOutOutside = Self("steps.out_outside")
    /// `steps.unknown`: no step of the lesson has the id given.
    package static let stepsUnknown = Self("steps.unknown")
    /// `steps.unreadable`, as in "cannot read the steps file".
    package static let stepsUnreadable = Self("steps.unreadable")
    /// `yaml.invalid`: a lesson's YAML has a value that cannot be read as expected.
    package static let yamlInvalid = Self("yaml.invalid")
    /// `yaml.missing_key`: a lesson's YAML lacks a required key.
    package static let yamlMissingKey = Self("yaml.missing_key")
    /// `yaml.syntax`: a lesson's YAML is not valid YAML.
    package static let yamlSyntax = Self("yaml.syntax")
    /// `yaml.wrong_type`: a lesson's YAML has a value of the wrong type.
    package static let yamlWrongType = Self("yaml.wrong_type")

    /// Every code of lessons, quizzes, steps and the course linter, for the catalogue check.
    static let courseCodes: [Self] = [
        .classBadExport,
        .classDuplicateProfile,
        .classNoExports,
        .conceptsEmpty,
        .conceptsInvalid,
        .conceptsMissing,
        .contentMissing,
        .coverageNotTaught,
        .coverageTooFewQuestions,
        .lessonDuplicateId,
        .lessonFrontMatter,
        .lessonGone,
        .lessonMissing,
        .lessonMissingKey,
        .lessonNestedTooDeep,
        .lessonNoPages,
        .lessonNoQuiz,
        .lessonNoSteps,
        .lessonNoneOpen,
        .lessonNotAList,
        .lessonStartFailed,
        .lessonUnknown,
        .lessonUnknownConcept,
        .lessonUnknownPrerequisite,
        .lessonUnreadable,
        .lintUnknownLesson,
        .profileBadName,
        .profileExists,
        .profileUnknown,
        .progressDamaged,
        .quizBadCount,
        .quizCueAllButOne,
        .quizCueHint,
        .quizCueLongKey,
        .quizCueLongestKey,
        .quizCueRightCounts,
        .quizCueTrueFalse,
        .quizDuplicateId,
        .quizEmpty,
        .quizEmptyValue,
        .quizInvalid,
        .quizNoQuestions,
        .quizUnknownConcept,
        .quizUnknownScope,
        .quizUnreadable,
        .stepsBadCommand,
        .stepsCheckUnavailable,
        .stepsEditFailed,
        .stepsEmpty,
        .stepsInvalid,
        .stepsNoWrongAttempt,
        .stepsNone,
        .stepsOutOutside,
        .stepsUnknown,
        .stepsUnreadable,
        .yamlInvalid,
        .yamlMissingKey,
        .yamlSyntax,
        .yamlWrongType,
    ]
}
