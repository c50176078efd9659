/// Counting the distinct values of a column, for profiles, diffs and class checks.
extension Column {
    /// Each distinct non-null value as text with how often it occurs, in order of first
    /// appearance.
    func valueCounts() -> [(value: String, count: Int)] {
        switch storage {
        case .string(let codes, let dictionary):
            var counts = [Int](repeating: 0, count: dictionary.count)
            var order: [Int32] = []
            for code in codes where code >= 0 {
                if counts[Int(code)] == 0 { order.append(code) }
                counts[Int(code)] += 1
            }
            return order.map { (dictionary[Int($0)], counts[Int($0)]) }
        case .boolean(let values):
            var counts = [0, 0]
            var order: [Int] = []
            for row in values.indices where !isNull(row) {
                let index = values[row] ? 1 : 0
                if counts[index] == 0 { order.append(index) }
                counts[index] += 1
            }
            return order.map { ($0 == 1 ? "true" : "false", counts[$0]) }
        case .integer(let values):
            return countInOrder(values.indices.lazy.filter { !isNull($0) }.map { values[$0] }) { String($0) }
        case .double(let values):
            // Keyed by value, so that 0.0 and -0.0 count as one, as they compare equal.
            return countInOrder(values.indices.lazy.filter { !isNull($0) }.map { values[$0] + 0.0 }) {
                formatDouble($0)
            }
        }
    }

    private func countInOrder<Value: Hashable>(
        _ values: some Sequence<Value>,
        text: (Value) -> String
    ) -> [(value: String, count: Int)] {
        var position: [Value: Int] = [:]
        var counted: [(value: String, count: Int)] = []
        for value in values {
            if let index = position[value] {
                counted[index].count += 1
            } else {
                position[value] = counted.count
                counted.append((text(value), 1))
            }
        }
        return counted
    }
}
