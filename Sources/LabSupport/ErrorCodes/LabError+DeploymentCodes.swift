/// The error codes of deployments, rollouts, traffic and scenarios.
extension LabError.Code {
    /// `deploy.already_champion`, as in "v… is already the champion; nothing to deploy".
    package static let deployAlreadyChampion = Self("deploy.already_champion")
    /// `deploy.bad_model`, as in "v… is not a model the lab can serve: …".
    package static let deployBadModel = Self("deploy.bad_model")
    /// `deploy.bad_steps`, as in "--steps applies to a canary; a … deployment has no steps".
    package static let deployBadSteps = Self("deploy.bad_steps")
    /// `deploy.no_champion`, as in "a canary needs a champion to compare with".
    package static let deployNoChampion = Self("deploy.no_champion")
    /// `deploy.rollout_active`, as in "rollout #… (… of v…) is still …; `promote` or `rollback` it first".
    package static let deployRolloutActive = Self("deploy.rollout_active")
    /// `deploy.unknown_strategy`: `deploy --strategy` names no strategy the lab knows.
    package static let deployUnknownStrategy = Self("deploy.unknown_strategy")
    /// `deploy.unknown_promotion_rule`: `deploy --promote-when` is neither better nor not_worse.
    package static let deployUnknownPromotionRule = Self("deploy.unknown_promotion_rule")
    /// `rollout.nothing_to_promote`: `promote` found no rollout under way.
    package static let rolloutNothingToPromote = Self("rollout.nothing_to_promote")
    /// `rollout.nothing_to_roll_back`: `rollback` found no rollout under way and no earlier champion.
    package static let rolloutNothingToRollBack = Self("rollout.nothing_to_roll_back")
    /// `scenario.empty`, as in "the scenario is empty; expected `title`, `story` and `dataset`".
    package static let scenarioEmpty = Self("scenario.empty")
    /// `scenario.unknown`: no scenario has the name given.
    package static let scenarioUnknown = Self("scenario.unknown")
    /// `traffic.bad_requests`, as in "--requests must be 1 or more, got …".
    package static let trafficBadRequests = Self("traffic.bad_requests")
    /// `traffic.before_stream`, as in "the simulated clock (…) is before production starts on … in scenario …".
    package static let trafficBeforeStream = Self("traffic.before_stream")
    /// `traffic.nothing_deployed`, as in "nothing is deployed: there is no champion yet; deploy a version …".
    package static let trafficNothingDeployed = Self("traffic.nothing_deployed")
    /// `traffic.unknown_load`: `traffic --load` names no traffic load the lab knows.
    package static let trafficUnknownLoad = Self("traffic.unknown_load")

    /// Every code of deployments, rollouts, traffic and scenarios, for the catalogue check.
    static let deploymentCodes: [Self] = [
        .deployAlreadyChampion,
        .deployBadModel,
        .deployBadSteps,
        .deployNoChampion,
        .deployRolloutActive,
        .deployUnknownStrategy,
        .deployUnknownPromotionRule,
        .rolloutNothingToPromote,
        .rolloutNothingToRollBack,
        .scenarioEmpty,
        .scenarioUnknown,
        .trafficBadRequests,
        .trafficBeforeStream,
        .trafficNothingDeployed,
        .trafficUnknownLoad,
    ]
}
