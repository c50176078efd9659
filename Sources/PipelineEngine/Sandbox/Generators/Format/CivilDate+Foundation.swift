package import Foundation

extension CivilDate {
    /// The UTC calendar date that contains `date`, to start a stream at the simulated clock.
    package init(containing date: Date) {
        let seconds = date.timeIntervalSince1970
        self.init(daysSinceEpoch: Int((seconds / 86_400).rounded(.down)))
    }
}
