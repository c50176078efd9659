/// The settings each stage kind takes: which are required, which name files, which are lists.
enum StageSchema {
    /// Keys every stage may have.
    static let commonKeys = ["kind", "desc", "needs", "deps", "params", "outs", "resources"]

    /// A kind's own keys, required first.
    struct KindKeys {
        var required: [String]
        var optional: [String]
        var all: [String] { required + optional }
    }

    static func keys(for kind: StageKind) -> KindKeys {
        switch kind {
        case .validate: KindKeys(required: ["data", "suite"], optional: [])
        case .train: KindKeys(required: ["data", "target"], optional: ["features", "test", "test_ratio"])
        case .evaluate: KindKeys(required: ["data"], optional: ["model", "slice"])
        case .gate: KindKeys(required: ["gates"], optional: ["model", "data"])
        case .deploy:
            KindKeys(
                required: [], optional: ["model", "strategy", "steps", "min_improvement", "alpha", "promote_when"])
        case .monitor: KindKeys(required: [], optional: ["data", "reference", "window", "method", "threshold"])
        case .leakage: KindKeys(required: ["train", "test", "target"], optional: ["id", "time", "required"])
        case .test: KindKeys(required: ["spec"], optional: ["model", "data"])
        }
    }

    /// Settings whose value is a file in the workspace (and so a dependency).
    static let fileKeys: Set<String> = ["data", "suite", "test", "model", "gates", "reference", "train", "spec"]

    /// Settings that take a list.
    static let listKeys: Set<String> = ["features", "steps"]

    /// Settings whose value must be one of a fixed set of words.
    static let words: [String: [String]] = [
        "strategy": ["direct", "shadow", "canary"],
        "method": ["auto", "psi", "ks", "wasserstein", "jensenshannon", "chisquare", "ztest"],
        "required": ["true", "false"],
        "promote_when": ["better", "not_worse"],
    ]

    /// Settings that must be numbers.
    static let numberKeys: Set<String> = ["test_ratio", "threshold", "min_improvement", "alpha"]

    /// Keys of `resources`.
    static let resourceKeys = ["gpu"]

    /// Keys of a trigger, by its `on`.
    static let triggerKeys: [String: [String]] = [
        "data_change": ["paths"],
        "schedule": ["cron"],
        "drift": ["method", "threshold"],
    ]
}
