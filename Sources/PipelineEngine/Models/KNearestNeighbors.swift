import LabSupport

/// k-nearest-neighbours classification: the k closest training rows vote with equal weight.
///
/// Distances are Euclidean on the preprocessed features, as scikit-learn's
/// `KNeighborsClassifier()`. Rows at equal distance are taken in training order, and a tied
/// vote goes to the class that comes first, as scikit-learn's argmax over `classes_` does.
struct KNearestNeighbors: Sendable, Equatable, Codable {
    var k: Int
    var classCount: Int
    var width: Int
    /// The training rows, row-major.
    var points: [Double]
    /// The class index of each training row.
    var labels: [Int]

    enum CodingKeys: String, CodingKey {
        case k
        case classCount = "class_count"
        case width, points, labels
    }

    /// Writes the share of the k nearest training rows in each class into `out`.
    func probabilities(_ row: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>) {
        let k = min(self.k, labels.count)
        withUnsafeTemporaryAllocation(of: Double.self, capacity: k) { best in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: k) { bestIndex in
                var found = 0
                points.withUnsafeBufferPointer {
                    $0.withStart { base in
                        for i in 0..<labels.count {
                            let point = base + i * width
                            var distance = 0.0
                            for j in 0..<width {
                                let delta = row[j] - point[j]
                                distance += delta * delta
                            }
                            // Insertion into the sorted k best; equal distances keep the earlier row.
                            if found == k, distance >= best[k - 1] { continue }
                            var slot = found == k ? k - 1 : found
                            if found < k { found += 1 }
                            while slot > 0, best[slot - 1] > distance {
                                best[slot] = best[slot - 1]
                                bestIndex[slot] = bestIndex[slot - 1]
                                slot -= 1
                            }
                            best[slot] = distance
                            bestIndex[slot] = i
                        }
                    }
                }
                for c in 0..<classCount { out[c] = 0 }
                for n in 0..<found { out[labels[bestIndex[n]]] += 1 }
                for c in 0..<classCount { out[c] /= Double(found) }
            }
        }
    }
}
