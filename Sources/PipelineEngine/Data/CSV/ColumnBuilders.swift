/// The column builders of one read, kept in memory the reader addresses directly.
///
/// Every cell of a file goes to `builders[column]`; held in an `Array`, each of those writes
/// would first check that the array is not shared. This owner allocates them once and frees
/// them when the read ends, however it ends. It also stages the numbers the reader's fast path
/// parses, up to ``stageCapacity`` per column, and hands them to their column in one append:
/// appending them one by one would check each time that the column's array is not shared.
final class ColumnBuilders {
    static let stageCapacity = 256

    let buffer: UnsafeMutableBufferPointer<ColumnBuilder>
    /// `stageCapacity` slots per column: the bits of staged integers or doubles.
    private let staged: UnsafeMutablePointer<UInt64>
    private let stagedCounts: UnsafeMutablePointer<Int>

    init(_ builders: [ColumnBuilder]) {
        buffer = .allocate(capacity: builders.count)
        _ = buffer.initialize(from: builders)
        staged = .allocate(capacity: Swift.max(1, builders.count) * Self.stageCapacity)
        stagedCounts = .allocate(capacity: Swift.max(1, builders.count))
        stagedCounts.initialize(repeating: 0, count: Swift.max(1, builders.count))
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
        staged.deallocate()
        stagedCounts.deallocate()
    }

    /// Stages a number parsed for `column`, which is settled as integer or double (the bits
    /// of an `Int64` or a `Double` accordingly).
    @inline(__always)
    func stage(_ bits: UInt64, column: Int) {
        let count = stagedCounts[column]
        staged[column &* Self.stageCapacity &+ count] = bits
        stagedCounts[column] = count &+ 1
        if count &+ 1 == Self.stageCapacity { flush(column) }
    }

    /// Appends the numbers staged for `column` to it; before anything else touches the column.
    @inline(__always)
    func flush(_ column: Int) {
        let count = stagedCounts[column]
        guard count > 0 else { return }
        stagedCounts[column] = 0
        let numbers = UnsafeBufferPointer(start: staged + column * Self.stageCapacity, count: count)
        buffer[column].appendParsed(bits: numbers)
    }

    /// Flushes every column.
    func flushAll() {
        for column in buffer.indices { flush(column) }
    }
}
