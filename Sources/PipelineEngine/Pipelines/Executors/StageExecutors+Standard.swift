extension StageExecutors {
    /// The executors of this build, one per stage kind it can run.
    ///
    /// `deploy` and `monitor`
    /// stages arrive with the deployment commands; until then they are skipped with a reason.
    public static func standard() -> StageExecutors {
        var executors = StageExecutors()
        executors[.validate] = ValidateExecutor()
        executors[.train] = TrainExecutor()
        executors[.evaluate] = EvaluateExecutor()
        executors[.gate] = GateExecutor()
        return executors
    }
}
