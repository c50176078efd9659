/// The error codes of pipelines, gates, triggers, exports and the simulated clock.
extension LabError.Code {
    /// `clock.bad_duration`, as in "'…' is not a duration; write a number and a unit (s, m, h, d, w), such as …".
    package static let clockBadDuration = Self("clock.bad_duration")
    /// `clock.too_long`, as in "'…' is longer than a year (366d), the longest span the lab simulates at once …".
    package static let clockTooLong = Self("clock.too_long")
    /// `export.unsafe_text`: a value cannot be written safely into an exported file.
    package static let exportUnsafeText = Self("export.unsafe_text")
    /// `gates.empty`, as in "the gate configuration is empty; expected a `gates:` list".
    package static let gatesEmpty = Self("gates.empty")
    /// `gates.no_data`, as in "no evaluation data: pass --data FILE or add `data: FILE` to …".
    package static let gatesNoData = Self("gates.no_data")
    /// `gates.unreadable`, as in "cannot read the gate configuration".
    package static let gatesUnreadable = Self("gates.unreadable")
    /// `params.unreadable`, as in "cannot read the parameters as UTF-8 text".
    package static let paramsUnreadable = Self("params.unreadable")
    /// `pipeline.bad_param`, as in "param '…' is '…'; a seed is a whole number such as 42".
    package static let pipelineBadParam = Self("pipeline.bad_param")
    /// `pipeline.bad_result`, as in "… is not a stage result as `pipeline run` writes it: it has no 'outs' …".
    package static let pipelineBadResult = Self("pipeline.bad_result")
    /// `pipeline.bad_strategy`, as in "stage '…' has strategy '…'; expected direct, shadow or canary".
    package static let pipelineBadStrategy = Self("pipeline.bad_strategy")
    /// `pipeline.bad_threshold`, as in "stage '…' has threshold '…'; expected a number such as 0.2".
    package static let pipelineBadThreshold = Self("pipeline.bad_threshold")
    /// `pipeline.cycle`, as in "stage '…' needs itself; a stage cannot wait for its own results".
    package static let pipelineCycle = Self("pipeline.cycle")
    /// `pipeline.duplicate_output`, as in "'…' is an output of both '…' and '…'; each file must have one …".
    package static let pipelineDuplicateOutput = Self("pipeline.duplicate_output")
    /// `pipeline.empty`, as in "the pipeline file is empty; expected a `stages:` mapping".
    package static let pipelineEmpty = Self("pipeline.empty")
    /// `pipeline.lock`, as in "cannot create the run lock …".
    package static let pipelineLock = Self("pipeline.lock")
    /// `pipeline.missing`, as in "there is no pipeline file '…' in the workspace …".
    package static let pipelineMissing = Self("pipeline.missing")
    /// `pipeline.missing_file`, as in "stage '…' reads '…', which does not exist (and no stage writes it)".
    package static let pipelineMissingFile = Self("pipeline.missing_file")
    /// `pipeline.missing_output`, as in "stage '…' has no `outs` to write the model to".
    package static let pipelineMissingOutput = Self("pipeline.missing_output")
    /// `pipeline.missing_upstream`, as in "stage '…' needs the result of stage '…' (…), which is not here: …".
    package static let pipelineMissingUpstream = Self("pipeline.missing_upstream")
    /// `pipeline.missing_params`, as in "stage '…' uses param '…', but there is no … in the workspace".
    package static let pipelineMissingParams = Self("pipeline.missing_params")
    /// `pipeline.no_candidate`, as in "stage '…' has nothing to deploy: no `model:` and no `challenger` alias …".
    package static let pipelineNoCandidate = Self("pipeline.no_candidate")
    /// `pipeline.no_evaluation`, as in "stage '…' (a gate stage) judges an evaluation, but no evaluate stage …".
    package static let pipelineNoEvaluation = Self("pipeline.no_evaluation")
    /// `pipeline.no_model`, as in "stage '…' (an evaluate stage) has no model to score: give it `model: FILE` …".
    package static let pipelineNoModel = Self("pipeline.no_model")
    /// `pipeline.no_runs`, as in "run #… is the first run; there is nothing before it to compare with".
    package static let pipelineNoRuns = Self("pipeline.no_runs")
    /// `pipeline.no_workspace`, as in "'…' has no .lab folder above it, so no pipeline has run here yet; …".
    package static let pipelineNoWorkspace = Self("pipeline.no_workspace")
    /// `pipeline.shadow_failed`: the champion could not score the data of a shadow comparison.
    package static let pipelineShadowFailed = Self("pipeline.shadow_failed")
    /// `pipeline.shadow_mismatch`, as in "champion v… is a … model and the candidate a … model; their answers …".
    package static let pipelineShadowMismatch = Self("pipeline.shadow_mismatch")
    /// `pipeline.unknown_param`: a stage names a parameter that `params.yaml` does not have.
    package static let pipelineUnknownParam = Self("pipeline.unknown_param")
    /// `pipeline.unknown_run`, as in "no pipeline run '…'; the runs are #… to #… (or `latest`, `latest~1`)".
    package static let pipelineUnknownRun = Self("pipeline.unknown_run")
    /// `pipeline.unknown_stage`: a stage or command names a stage the pipeline does not have.
    package static let pipelineUnknownStage = Self("pipeline.unknown_stage")
    /// `pipeline.unreadable`, as in "the pipeline file is not UTF-8 text".
    package static let pipelineUnreadable = Self("pipeline.unreadable")
    /// `pipeline.upstream_changed`, as in "'…' differs from what stage '…' wrote (…): …".
    package static let pipelineUpstreamChanged = Self("pipeline.upstream_changed")
    /// `trigger.bad_cron`, as in "'…' is not a cron schedule; expected five fields (minute hour day month …".
    package static let triggerBadCron = Self("trigger.bad_cron")

    /// Every code of pipelines, gates, triggers, exports and the simulated clock, for the catalogue check.
    static let pipelinesCodes: [Self] = [
        .clockBadDuration,
        .clockTooLong,
        .exportUnsafeText,
        .gatesEmpty,
        .gatesNoData,
        .gatesUnreadable,
        .paramsUnreadable,
        .pipelineBadParam,
        .pipelineBadResult,
        .pipelineBadStrategy,
        .pipelineBadThreshold,
        .pipelineCycle,
        .pipelineDuplicateOutput,
        .pipelineEmpty,
        .pipelineLock,
        .pipelineMissing,
        .pipelineMissingFile,
        .pipelineMissingOutput,
        .pipelineMissingParams,
        .pipelineMissingUpstream,
        .pipelineNoCandidate,
        .pipelineNoEvaluation,
        .pipelineNoModel,
        .pipelineNoRuns,
        .pipelineNoWorkspace,
        .pipelineShadowFailed,
        .pipelineShadowMismatch,
        .pipelineUnknownParam,
        .pipelineUnknownRun,
        .pipelineUnknownStage,
        .pipelineUnreadable,
        .pipelineUpstreamChanged,
        .triggerBadCron,
    ]
}
