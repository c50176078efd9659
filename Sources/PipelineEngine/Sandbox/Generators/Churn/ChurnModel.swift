import LabSupport

/// Telecom customers and whether they left: a tabular binary task with a group column.
///
/// The story behind the numbers: month-to-month customers with short tenure and high bills
/// leave; long contracts keep people. An unobserved dissatisfaction drives both support calls
/// and churn, so support calls help but do not give the answer away. About a quarter of
/// customers churn, and a logistic regression reaches about 0.8 accuracy (against 0.75 for
/// always answering "stays"), as on real churn data.
struct ChurnModel: RowModel {
    static let regions = ["north", "south", "east", "west"]
    static let regionShares = [0.30, 0.25, 0.25, 0.20]
    /// Churn log-odds added per region: the south churns a little more, the west a little less.
    static let regionEffects = [0.0, 0.25, 0.0, -0.1]
    static let contracts = ["month-to-month", "one-year", "two-year"]
    static let contractShares = [0.55, 0.24, 0.21]
    /// Tenure is 72·u^power: month-to-month customers are mostly new, two-year ones mostly old.
    static let tenurePowers = [1.8, 0.9, 0.45]
    static let contractEffects = [1.0, -0.2, -1.3]
    static let plans = ["basic", "standard", "premium"]
    static let planShares = [0.35, 0.42, 0.23]
    static let planCharges = [30.0, 62.0, 95.0]
    static let intercept = -0.45

    let schema = DatasetSchema(
        name: "churn",
        summary: "Telecom customers and whether they cancelled; about 25 % churned.",
        columns: [
            ColumnSchema("customer_id", .string, role: .identifier, summary: "Unique customer key, C000001 upwards."),
            ColumnSchema(
                "tenure", .integer, role: .feature,
                summary: "Months as a customer; long contracts go with long tenure.",
                minimum: 0, maximum: 72),
            ColumnSchema(
                "monthly_charges", .double, role: .feature, summary: "Monthly bill in dollars, set mostly by the plan.",
                minimum: 18.25, maximum: 130),
            ColumnSchema(
                "total_charges", .double, role: .feature,
                summary: "Billed to date: about tenure times monthly charges, with noise.", minimum: 0),
            ColumnSchema(
                "contract", .string, role: .feature, summary: "Contract length; month-to-month customers churn most.",
                values: contracts),
            ColumnSchema("plan", .string, role: .feature, summary: "Service plan.", values: plans),
            ColumnSchema(
                "support_calls", .integer, role: .feature,
                summary: "Calls to support; unhappy customers call more.", minimum: 0),
            ColumnSchema(
                "region", .string, role: .group, summary: "Sales region, for per-slice evaluation.", values: regions),
            ColumnSchema("churned", .integer, role: .label, summary: "1 if the customer left.", values: ["0", "1"]),
        ])

    let driftableColumns = ["tenure", "monthly_charges", "support_calls"]
    let supportsConceptDrift = true

    func row(number: Int, time: Int64, random: inout SeededRandom, conditions: GenerationConditions) -> [String] {
        let region = random.index(weightedBy: Self.regionShares)
        let contract = random.index(weightedBy: Self.contractShares)
        let plan = random.index(weightedBy: Self.planShares)

        let rawTenure =
            72 * PortableMath.pow(random.nextUnit(), Self.tenurePowers[contract]) + 24 * conditions.shift("tenure")
        let tenure = Int(min(72, max(0, rawTenure.rounded())))

        let discount = contract == 2 ? 4.0 : 0.0
        let monthly = min(
            130,
            max(
                18.25,
                Self.planCharges[plan] + random.normal(mean: 0, sd: 9) - discount
                    + 28 * conditions.shift("monthly_charges")))
        let monthlyText = FixedDecimal.format(monthly, decimals: 2)
        let billed = Double(tenure) * monthly * (1 + random.normal(mean: 0, sd: 0.06))
        let total = max(0, billed)

        // Unobserved: how unhappy the customer is.
        let dissatisfaction = random.normal()
        let callRate = max(
            0.1, PortableMath.exp(0.75 * dissatisfaction) + (plan == 0 ? 0.3 : 0) + conditions.shift("support_calls"))
        let calls = random.poisson(callRate)

        let logit =
            Self.intercept - 0.05 * Double(tenure) + Self.contractEffects[contract] + 0.02 * (monthly - 60)
            + dissatisfaction + Self.regionEffects[region] + conditions.labelLogitShift
        let churned = random.chance(PortableMath.sigmoid(logit))

        return [
            "C" + FixedDecimal.padded(number + 1, width: 6),
            String(tenure),
            monthlyText,
            FixedDecimal.format(total, decimals: 2),
            Self.contracts[contract],
            Self.plans[plan],
            String(calls),
            Self.regions[region],
            churned ? "1" : "0",
        ]
    }
}
