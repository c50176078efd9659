/// The column builders of one read, kept in memory the reader addresses directly.
///
/// Every cell of a file goes to `builders[column]`; held in an `Array`, each of those writes
/// would first check that the array is not shared. This owner allocates them once and frees
/// them when the read ends, however it ends.
final class ColumnBuilders {
    let buffer: UnsafeMutableBufferPointer<ColumnBuilder>

    init(_ builders: [ColumnBuilder]) {
        buffer = .allocate(capacity: builders.count)
        _ = buffer.initialize(from: builders)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }
}
