import LabSupport

/// Loan applications and the historical decisions on them, biased against one ZIP group.
///
/// The historical approvals (the labels) follow sound credit factors, plus a penalty for
/// applicants from ZIP group B, whose incomes are also a little lower. A logistic regression
/// trained on every column is accurate (about 0.8, in both groups) and approves group B at
/// about two thirds of group A's rate: the four-fifths rule fails while every accuracy gate
/// passes. Trained without `zip_group`, the ratio rises to about 0.85 at almost no cost in
/// accuracy; income, a proxy, still carries part of the gap.
struct CreditModel: RowModel {
    static let groups = ["A", "B"]
    static let groupShares = [0.62, 0.38]
    /// Median incomes by group (log-normal, spread 0.42).
    static let medianIncomes = [56_000.0, 48_000.0]
    static let intercept = 0.4
    /// The log-odds historical decisions took off for group B applicants.
    static let groupPenalty = 0.8

    let schema = DatasetSchema(
        name: "credit",
        summary: "Loan applications with historical approvals that disadvantage ZIP group B.",
        columns: [
            ColumnSchema("applicant_id", .string, role: .identifier, summary: "Unique applicant key, A000001 upwards."),
            ColumnSchema(
                "income", .integer, role: .feature, summary: "Yearly income in dollars; lower in ZIP group B.",
                minimum: 12_000, maximum: 400_000),
            ColumnSchema(
                "debt_ratio", .double, role: .feature, summary: "Monthly debt payments over monthly income.",
                minimum: 0.01, maximum: 0.95),
            ColumnSchema(
                "credit_history_years", .integer, role: .feature, summary: "Years since the first credit account.",
                minimum: 0, maximum: 45),
            ColumnSchema(
                "loan_amount", .integer, role: .feature,
                summary: "Amount asked for, a share of income, in steps of 500.",
                minimum: 1000),
            ColumnSchema(
                "zip_group", .string, role: .group,
                summary: "Group of the applicant's ZIP code: the protected attribute.",
                values: groups),
            ColumnSchema(
                "approved", .integer, role: .label, summary: "1 if the loan was approved in the past.",
                values: ["0", "1"]),
        ])

    let driftableColumns = ["income", "debt_ratio", "credit_history_years", "loan_amount"]
    let supportsConceptDrift = true

    func row(number: Int, time: Int64, random: inout SeededRandom, conditions: GenerationConditions) -> [String] {
        let group = random.index(weightedBy: Self.groupShares)

        let logIncome =
            PortableMath.log(Self.medianIncomes[group]) + 0.42 * random.normal() + 0.42 * conditions.shift("income")
        let income = min(400_000, max(12_000, (PortableMath.exp(logIncome) / 100).rounded() * 100))

        let history = min(
            45,
            max(
                0,
                (gammaDraw(shape: 3, scale: 3.6, random: &random)
                    + 6.2 * conditions.shift("credit_history_years")).rounded()))

        let debtRatio = min(
            0.95, max(0.01, random.normal(mean: 0.32, sd: 0.12) + 0.12 * conditions.shift("debt_ratio")))
        let debtText = FixedDecimal.format(debtRatio, decimals: 3)

        let share = random.uniform(0.08, 0.6) + 0.15 * conditions.shift("loan_amount")
        let loan = max(1000, (income * share / 500).rounded() * 500)

        let incomeScore = (PortableMath.log(income) - 10.85) / 0.45
        let debtScore = (debtRatio - 0.32) / 0.12
        let historyScore = (history - 10.8) / 6.2
        let loanScore = (loan / income - 0.34) / 0.15
        let logit =
            Self.intercept + 1.4 * incomeScore - 1.6 * debtScore + 1.0 * historyScore - 1.1 * loanScore
            - (group == 1 ? Self.groupPenalty : 0) + random.normal(mean: 0, sd: 0.6) + conditions.labelLogitShift
        let approved = random.chance(PortableMath.sigmoid(logit))

        return [
            "A" + FixedDecimal.padded(number + 1, width: 6),
            String(Int(income)),
            debtText,
            String(Int(history)),
            String(Int(loan)),
            Self.groups[group],
            approved ? "1" : "0",
        ]
    }

    /// A gamma draw with integer `shape` (a sum of exponentials), for skewed credit histories.
    private func gammaDraw(shape: Int, scale: Double, random: inout SeededRandom) -> Double {
        var sum = 0.0
        for _ in 0..<shape { sum -= PortableMath.log(1 - random.nextUnit()) }
        return sum * scale
    }
}
