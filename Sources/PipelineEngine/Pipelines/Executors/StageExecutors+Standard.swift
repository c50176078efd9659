extension StageExecutors {
    /// The executors of this build, one per stage kind it can run.
    public static func standard() -> StageExecutors {
        StageExecutors()
    }
}
