import LabSupport

/// Wrong labels on purpose: the label incident's flipped labels, for data sets and streams.
enum LabelFlip {
    /// Flips the label in `column` of `share` of all rows (rounded), chosen at random among
    /// every row or, with `onlyFrom`, among the rows of that class; returns the rows flipped.
    ///
    /// A flipped label becomes the other class of two, or one of the others drawn uniformly.
    static func flip(
        _ rows: inout [[String]], column: Int, labels: [String], share: Double, onlyFrom: String?,
        random: inout SeededRandom
    ) -> [Int] {
        let wanted = Int((min(1, max(0, share)) * Double(rows.count)).rounded())
        let candidates = rows.indices.filter { onlyFrom == nil || rows[$0][column] == onlyFrom }
        let chosen = ProductionStream.choose(wanted, from: candidates, random: &random)
        for row in chosen {
            let others = labels.filter { $0 != rows[row][column] }
            if !others.isEmpty { rows[row][column] = random.pick(others) }
        }
        return chosen
    }
}

extension GeneratedDataset {
    /// This data set with `share` of its labels (rounded to whole rows) flipped to another class.
    ///
    /// With `onlyFrom`, every flipped label was of that class: a one-sided labelling bug, as
    /// when a join marks genuine transactions as fraud. Returns the damaged set and the rows
    /// that were flipped, for the label incident: training on it makes a worse model that a
    /// regression gate should stop.
    package func flippingLabels(share: Double, seed: UInt64, onlyFrom: String? = nil) -> (
        dataset: GeneratedDataset, flippedRows: [Int]
    ) {
        guard let label = schema.label, let index = schema.index(of: label.name) else { return (self, []) }
        var random = SeededRandom.derived(from: seed, 0xF1_19)
        var damaged = self
        let flipped = LabelFlip.flip(
            &damaged.rows, column: index, labels: label.values, share: share, onlyFrom: onlyFrom, random: &random)
        return (damaged, flipped)
    }
}
