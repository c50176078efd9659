import LabSupport

extension ProductionStream {
    /// Refuses changes that cannot apply to the data set, naming what is wrong.
    static func check(_ changes: [WorldChange], against model: any RowModel) throws {
        let name = model.schema.name
        for change in changes {
            switch change {
            case .gradualDrift(let column, let perDay, let fromDay):
                try checkDay(fromDay)
                guard model.driftableColumns.contains(column) else {
                    var message = "gradual drift cannot shift '\(column)' of \(name)"
                    if let guess = closestMatch(to: column, among: model.driftableColumns) {
                        message += ". Did you mean '\(guess)'?"
                    }
                    message += " (columns that drift: \(model.driftableColumns.joined(separator: ", ")))"
                    throw LabError(.streamBadChange, message)
                }
                guard perDay.isFinite, abs(perDay) <= 1 else {
                    throw LabError(
                        .streamBadChange, "a drift of \(perDay) deviations a day is out of range; expected -1 to 1")
                }
            case .htmlCorruption(let share, let fromDay, let rampDays):
                try checkDay(fromDay)
                try checkShare(share, of: "HTML corruption")
                guard model.schema.columns.contains(where: { $0.role == .text }) else {
                    throw LabError(
                        .streamBadChange, "HTML corruption needs a text column, and \(name) has none (try reviews)")
                }
                guard rampDays >= 0 else {
                    throw LabError(
                        .streamBadChange, "a ramp of \(rampDays) days is out of range; expected 0 or more")
                }
            case .labelShift(let target, let fromDay, let overDays):
                try checkDay(fromDay)
                try checkLabelShares(target, labels: model.schema.label?.values ?? [], dataset: name)
                guard overDays >= 0 else {
                    throw LabError(
                        .streamBadChange, "a shift over \(overDays) days is out of range; expected 0 or more")
                }
            case .conceptDrift(let odds, let fromDay, let overDays):
                try checkDay(fromDay)
                guard model.supportsConceptDrift else {
                    throw LabError(
                        .streamBadChange,
                        "concept drift moves the odds of a label drawn from the inputs, and \(name)'s label is not (try churn or credit)"
                    )
                }
                guard odds.isFinite, odds > 0, odds <= 100 else {
                    throw LabError(
                        .streamBadChange, "odds of \(odds) are out of range; expected more than 0 and at most 100")
                }
                guard overDays >= 0 else {
                    throw LabError(
                        .streamBadChange, "a drift over \(overDays) days is out of range; expected 0 or more")
                }
            case .labelFlips(let share, let fromDay, let onlyFrom):
                try checkDay(fromDay)
                try checkShare(share, of: "label flips")
                let labels = model.schema.label?.values ?? []
                if let onlyFrom, !labels.contains(onlyFrom) {
                    throw LabError(
                        .streamBadChange,
                        "'\(onlyFrom)' is not a label of \(name) (labels: \(labels.joined(separator: ", ")))")
                }
            case .servingUnits(let column, let factor, let fromDay):
                try checkDay(fromDay)
                let numeric = model.schema.columns.filter {
                    $0.role == .feature && ($0.type == .double || $0.type == .integer)
                }.map(\.name)
                guard numeric.contains(column) else {
                    var message = "serving units cannot rescale '\(column)' of \(name)"
                    if let guess = closestMatch(to: column, among: numeric) { message += ". Did you mean '\(guess)'?" }
                    message += " (numeric features: \(numeric.joined(separator: ", ")))"
                    throw LabError(.streamBadChange, message)
                }
                guard factor.isFinite, factor > 0, factor <= 1_000_000, factor != 1 else {
                    let text =
                        factor.isFinite && factor == factor.rounded() && abs(factor) < 1e15
                        ? String(Int(factor)) : "\(factor)"
                    throw LabError(
                        .streamBadChange,
                        "a unit factor of \(text) is out of range; expected more than 0, at most 1000000 and not 1"
                    )
                }
            case .holidaySurge(let peak, let month, let day, let widthDays):
                guard peak.isFinite, peak > 0, peak <= 100 else {
                    throw LabError(
                        .streamBadChange,
                        "a surge peak of \(peak) is out of range; expected more than 0 and at most 100")
                }
                // 2024 is a leap year, so 29 February passes.
                let text = "2024-" + FixedDecimal.padded(month, width: 2) + "-" + FixedDecimal.padded(day, width: 2)
                guard CivilDate(iso: text) != nil else {
                    throw LabError(.streamBadChange, "a surge on month \(month), day \(day) is not a date")
                }
                guard widthDays.isFinite, widthDays > 0 else {
                    throw LabError(
                        .streamBadChange, "a surge width of \(widthDays) days is out of range; expected more than 0")
                }
            }
        }
    }

    private static func checkDay(_ day: Int) throws {
        guard day >= 0 else {
            throw LabError(.streamBadChange, "a change cannot start on day \(day); days start at 0")
        }
    }

    private static func checkShare(_ share: Double, of what: String) throws {
        guard share.isFinite, (0...1).contains(share) else {
            throw LabError(.streamBadChange, "a share of \(share) for \(what) is out of range; expected 0 to 1")
        }
    }

    private static func checkLabelShares(_ target: [String: Double], labels: [String], dataset: String) throws {
        for key in target.keys.sorted() where !labels.contains(key) {
            throw LabError(
                .streamBadChange,
                "'\(key)' is not a label of \(dataset) (labels: \(labels.joined(separator: ", ")))")
        }
        let total = labels.reduce(0) { $0 + (target[$1] ?? 0) }
        guard labels.allSatisfy({ (target[$0] ?? 0) >= 0 }), abs(total - 1) < 0.001 else {
            throw LabError(
                .streamBadChange,
                "label shares must be 0 or more and add up to 1, got a total of \(FixedDecimal.format(total, decimals: 3))"
            )
        }
    }
}
