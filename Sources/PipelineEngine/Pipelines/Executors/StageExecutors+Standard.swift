extension StageExecutors {
    /// The executors of this build, one per stage kind it can run; `forceDeploy` lets a deploy
    /// stage ship a candidate that is not better than the champion (audited).
    package static func standard(forceDeploy: Bool = false) -> StageExecutors {
        var executors = StageExecutors()
        executors[.validate] = ValidateExecutor()
        executors[.train] = TrainExecutor()
        executors[.evaluate] = EvaluateExecutor()
        executors[.gate] = GateExecutor()
        executors[.deploy] = DeployExecutor(force: forceDeploy)
        executors[.monitor] = MonitorExecutor()
        executors[.leakage] = LeakageExecutor()
        executors[.test] = BehaviouralTestExecutor()
        return executors
    }
}
