import LabSupport

/// The shared shape of the data set generators: a schema and a way to draw one row.
///
/// Both static data sets and production streams draw rows through this, so a stream's day is
/// the same population as the training data, changed only by the world changes applied to it.
protocol RowModel: Sendable {
    var schema: DatasetSchema { get }
    /// The numeric columns a gradual drift may shift, with the spread one unit of shift means.
    var driftableColumns: [String] { get }
    /// Whether the label is drawn from the inputs through a log-odds that concept drift can move.
    var supportsConceptDrift: Bool { get }
    /// Draws the row numbered `number` (0-based; it becomes the row's id) at instant `time`.
    func row(number: Int, time: Int64, random: inout SeededRandom, conditions: GenerationConditions) -> [String]
}

/// How the world looks when a row is drawn: shifts of feature distributions.
struct GenerationConditions: Sendable, Equatable {
    /// Per column, how far its distribution has moved, in the column's nominal standard
    /// deviations (0.5 moves the mean by half a standard deviation).
    var shifts: [String: Double] = [:]
    /// Added to the log-odds of the positive label (concept drift); 0 when the concept holds.
    var labelLogitShift = 0.0

    /// The shift of `column`, 0 when it has not moved.
    func shift(_ column: String) -> Double {
        shifts[column] ?? 0
    }
}

/// When rows happen: evenly spaced slots, each row at a random second inside its slot.
struct Timeline: Sendable, Equatable {
    /// Seconds since 1970-01-01T00:00:00Z at which slot 0 starts.
    var start: Int64
    /// The width of one slot in seconds (at least 1).
    var spacing: Int64

    /// The instant of the row in slot `position`, so timestamps rise with row order.
    func time(at position: Int, random: inout SeededRandom) -> Int64 {
        let width = max(1, spacing)
        return start + Int64(position) * width + Int64(random.next() % UInt64(width))
    }
}
