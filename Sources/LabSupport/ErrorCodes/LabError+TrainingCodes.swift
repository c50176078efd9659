/// The error codes of training, evaluation, comparison, model files and the registry.
extension LabError.Code {
    /// `artifact.missing`, as in "artifact … is missing from the store".
    package static let artifactMissing = Self("artifact.missing")
    /// `artifact.read`, as in "cannot read … to store it".
    package static let artifactRead = Self("artifact.read")
    /// `artifact.tampered`, as in "artifact … was modified after it was stored (its checksum is now …) …".
    package static let artifactTampered = Self("artifact.tampered")
    /// `artifact.write`, as in "cannot write to the artifact store at … (…)".
    package static let artifactWrite = Self("artifact.write")
    /// `compare.bad_alpha`, as in "alpha must be between 0 and 1 (exclusive), got …".
    package static let compareBadAlpha = Self("compare.bad_alpha")
    /// `compare.bad_min_improvement`, as in "the minimum improvement must be 0 or more, in the metric's units …".
    package static let compareBadMinImprovement = Self("compare.bad_min_improvement")
    /// `compare.different_targets`, as in "the champion predicts '…' but the challenger predicts '…'; …".
    package static let compareDifferentTargets = Self("compare.different_targets")
    /// `compare.different_tasks`, as in "the champion is a classifier (…) but the challenger is a regressor (…); …".
    package static let compareDifferentTasks = Self("compare.different_tasks")
    /// `compare.metric_mismatch`, as in "metric 'mae' compares regressors, but both models are classifiers; …".
    package static let compareMetricMismatch = Self("compare.metric_mismatch")
    /// `compare.no_rows`: the data has too few rows with a target value to compare two models on.
    package static let compareNoRows = Self("compare.no_rows")
    /// `compare.unknown_metric`, as in "unknown metric '…' (compare classifiers on accuracy, regressors on mae)".
    package static let compareUnknownMetric = Self("compare.unknown_metric")
    /// `evaluate.target_not_numeric`, as in "target '…' holds … values in …".
    package static let evaluateTargetNotNumeric = Self("evaluate.target_not_numeric")
    /// `evaluate.too_many_slices`, as in "slice column '…' has … distinct values; pick a column with at most …".
    package static let evaluateTooManySlices = Self("evaluate.too_many_slices")
    /// `model.invalid`: a model file is not one the lab wrote, or its weights do not fit its features.
    package static let modelInvalid = Self("model.invalid")
    /// `registry.bad_alias`, as in "'…' cannot be an alias: use 1 to 32 letters, digits, '-' or '_', not a …".
    package static let registryBadAlias = Self("registry.bad_alias")
    /// `registry.invalid_model`, as in "the champion v… is not a readable model file".
    package static let registryInvalidModel = Self("registry.invalid_model")
    /// `registry.tampered`, as in "the model file of v… was modified after it was registered (checksum …".
    package static let registryTampered = Self("registry.tampered")
    /// `registry.unknown_version`: no registered model version has the number or alias given.
    package static let registryUnknownVersion = Self("registry.unknown_version")
    /// `train.bad_param`: a model setting (`--param`, `params.yaml`) has a value out of range.
    package static let trainBadParam = Self("train.bad_param")
    /// `train.bad_test_ratio`, as in "--test-ratio must be between 0 and 1 (exclusive), got …".
    package static let trainBadTestRatio = Self("train.bad_test_ratio")
    /// `train.continuous_target`, as in "target '…' holds continuous numbers (such as …), but --model … …".
    package static let trainContinuousTarget = Self("train.continuous_target")
    /// `train.duplicate_feature`, as in "feature '…' is listed twice in --features".
    package static let trainDuplicateFeature = Self("train.duplicate_feature")
    /// `train.empty_feature`, as in "feature '…' has no values in the training rows of …".
    package static let trainEmptyFeature = Self("train.empty_feature")
    /// `train.no_features`, as in "'…' has no columns besides the target '…' to learn from".
    package static let trainNoFeatures = Self("train.no_features")
    /// `train.no_rows`: the training or test data has no rows with a target value.
    package static let trainNoRows = Self("train.no_rows")
    /// `train.overflow`, as in "training on … produced weights that are not finite numbers: its numbers are …".
    package static let trainOverflow = Self("train.overflow")
    /// `train.single_class`, as in "target '…' has a single class ('…".
    package static let trainSingleClass = Self("train.single_class")
    /// `train.singular`, as in "the features are collinear, so the least-squares problem has no unique …".
    package static let trainSingular = Self("train.singular")
    /// `train.target_in_features`, as in "target '…' is also listed in --features; a model cannot learn from …".
    package static let trainTargetInFeatures = Self("train.target_in_features")
    /// `train.target_not_numeric`, as in "target '…' holds … values, but --model … predicts a number; pick a …".
    package static let trainTargetNotNumeric = Self("train.target_not_numeric")
    /// `train.unknown_model`: `--model` names no kind of model the lab can train.
    package static let trainUnknownModel = Self("train.unknown_model")
    /// `train.unknown_param`: a model setting the chosen kind of model does not take.
    package static let trainUnknownParam = Self("train.unknown_param")

    /// Every code of training, evaluation, comparison, model files and the registry, for the catalogue check.
    static let trainingCodes: [Self] = [
        .artifactMissing,
        .artifactRead,
        .artifactTampered,
        .artifactWrite,
        .compareBadAlpha,
        .compareBadMinImprovement,
        .compareDifferentTargets,
        .compareDifferentTasks,
        .compareMetricMismatch,
        .compareNoRows,
        .compareUnknownMetric,
        .evaluateTargetNotNumeric,
        .evaluateTooManySlices,
        .modelInvalid,
        .registryBadAlias,
        .registryInvalidModel,
        .registryTampered,
        .registryUnknownVersion,
        .trainBadParam,
        .trainBadTestRatio,
        .trainContinuousTarget,
        .trainDuplicateFeature,
        .trainEmptyFeature,
        .trainNoFeatures,
        .trainNoRows,
        .trainOverflow,
        .trainSingleClass,
        .trainSingular,
        .trainTargetInFeatures,
        .trainTargetNotNumeric,
        .trainUnknownModel,
        .trainUnknownParam,
    ]
}
