/// Growing an ``IntegerValues`` while a column is read, widening the storage as values need.
extension IntegerValues {
    /// Appends `value`, widening the storage first if it does not fit.
    @inline(__always)
    mutating func append(_ value: Int64) {
        let needed = Width(low: value, high: value)
        if needed > width { widen(to: needed, extraCapacity: 1) }
        switch elements {
        case .int8(var values):
            elements = .int8([])
            values.append(Int8(truncatingIfNeeded: value))
            elements = .int8(values)
        case .int16(var values):
            elements = .int8([])
            values.append(Int16(truncatingIfNeeded: value))
            elements = .int16(values)
        case .int32(var values):
            elements = .int8([])
            values.append(Int32(truncatingIfNeeded: value))
            elements = .int32(values)
        case .int64(var values):
            elements = .int8([])
            values.append(value)
            elements = .int64(values)
        }
    }

    /// Appends `values`, widening the storage once first if any of them does not fit.
    mutating func append(contentsOf values: UnsafeBufferPointer<Int64>) {
        guard !values.isEmpty else { return }
        let needed = Width(of: values)
        if needed > width { widen(to: needed, extraCapacity: values.count) }
        appendWidened(values)
    }

    /// Appends every value of `more`, widening the storage first to the wider of the two.
    mutating func append(contentsOf more: IntegerValues) {
        guard !more.isEmpty else { return }
        if more.width > width { widen(to: more.width, extraCapacity: more.count) }
        reserveCapacity(count + more.count)
        guard more.width == width else { return appendConverting(more) }
        switch elements {
        case .int8(var stored):
            elements = .int8([])
            if case .int8(let values) = more.elements { stored.append(contentsOf: values) }
            elements = .int8(stored)
        case .int16(var stored):
            elements = .int8([])
            if case .int16(let values) = more.elements { stored.append(contentsOf: values) }
            elements = .int16(stored)
        case .int32(var stored):
            elements = .int8([])
            if case .int32(let values) = more.elements { stored.append(contentsOf: values) }
            elements = .int32(stored)
        case .int64(var stored):
            elements = .int8([])
            if case .int64(let values) = more.elements { stored.append(contentsOf: values) }
            elements = .int64(stored)
        }
    }

    /// Appends the values of `more`, which is narrower than this storage.
    private mutating func appendConverting(_ more: IntegerValues) {
        switch more.elements {
        case .int8(let values): values.withUnsafeBufferPointer { appendWidened($0) }
        case .int16(let values): values.withUnsafeBufferPointer { appendWidened($0) }
        case .int32(let values): values.withUnsafeBufferPointer { appendWidened($0) }
        case .int64(let values): values.withUnsafeBufferPointer { appendWidened($0) }
        }
    }

    /// Appends `count` zeros (the placeholder of a null).
    mutating func appendZeros(_ count: Int) {
        switch elements {
        case .int8(var values):
            elements = .int8([])
            values.append(contentsOf: repeatElement(0, count: count))
            elements = .int8(values)
        case .int16(var values):
            elements = .int8([])
            values.append(contentsOf: repeatElement(0, count: count))
            elements = .int16(values)
        case .int32(var values):
            elements = .int8([])
            values.append(contentsOf: repeatElement(0, count: count))
            elements = .int32(values)
        case .int64(var values):
            elements = .int8([])
            values.append(contentsOf: repeatElement(0, count: count))
            elements = .int64(values)
        }
    }

    /// Reserves room for `capacity` values of the current width (and asks for huge pages).
    mutating func reserveCapacity(_ capacity: Int) {
        switch elements {
        case .int8(var values):
            elements = .int8([])
            values.reserveCapacity(capacity)
            values.adviseHugePages()
            elements = .int8(values)
        case .int16(var values):
            elements = .int8([])
            values.reserveCapacity(capacity)
            values.adviseHugePages()
            elements = .int16(values)
        case .int32(var values):
            elements = .int8([])
            values.reserveCapacity(capacity)
            values.adviseHugePages()
            elements = .int32(values)
        case .int64(var values):
            elements = .int8([])
            values.reserveCapacity(capacity)
            values.adviseHugePages()
            elements = .int64(values)
        }
    }

    /// The room reserved so far, in values.
    var capacity: Int {
        switch elements {
        case .int8(let values): values.capacity
        case .int16(let values): values.capacity
        case .int32(let values): values.capacity
        case .int64(let values): values.capacity
        }
    }

    /// Copies the values into storage of `wider`, keeping room for as many values as were
    /// reserved, or for `extraCapacity` more than there are.
    mutating func widen(to wider: Width, extraCapacity: Int) {
        precondition(wider > width, "storage only widens")
        let room = Swift.max(capacity, count + extraCapacity)
        let old = self
        switch wider {
        case .int8: preconditionFailure("nothing is narrower than Int8")
        case .int16: elements = .int16(Self.copy(old, capacity: room))
        case .int32: elements = .int32(Self.copy(old, capacity: room))
        case .int64: elements = .int64(Self.copy(old, capacity: room))
        }
    }

    private static func copy<Target: FixedWidthInteger & BitwiseCopyable>(_ values: IntegerValues, capacity: Int)
        -> [Target]
    {
        var copy: [Target] = []
        copy.reserveCapacity(capacity)
        switch values.elements {
        case .int8(let stored): stored.withUnsafeBufferPointer { append($0, to: &copy) }
        case .int16(let stored): stored.withUnsafeBufferPointer { append($0, to: &copy) }
        case .int32(let stored): stored.withUnsafeBufferPointer { append($0, to: &copy) }
        case .int64(let stored): stored.withUnsafeBufferPointer { append($0, to: &copy) }
        }
        copy.adviseHugePages()
        return copy
    }

    /// Appends `values`, which all fit the current width.
    private mutating func appendWidened<Source: FixedWidthInteger>(_ values: UnsafeBufferPointer<Source>) {
        switch elements {
        case .int8(var stored):
            elements = .int8([])
            Self.append(values, to: &stored)
            elements = .int8(stored)
        case .int16(var stored):
            elements = .int8([])
            Self.append(values, to: &stored)
            elements = .int16(stored)
        case .int32(var stored):
            elements = .int8([])
            Self.append(values, to: &stored)
            elements = .int32(stored)
        case .int64(var stored):
            elements = .int8([])
            Self.append(values, to: &stored)
            elements = .int64(stored)
        }
    }

    /// Appends `values`, which all fit `Target`: converted in a plain loop into scratch memory
    /// and copied in one piece, as appending through a lazy map goes value by value.
    private static func append<Source: FixedWidthInteger, Target: FixedWidthInteger>(
        _ values: UnsafeBufferPointer<Source>, to stored: inout [Target]
    ) {
        let chunk = 4096
        var start = 0
        while start < values.count {
            let end = Swift.min(values.count, start + chunk)
            withUnsafeTemporaryAllocation(of: Target.self, capacity: end - start) { scratch in
                for index in start..<end {
                    scratch.initializeElement(at: index - start, to: Target(truncatingIfNeeded: values[index]))
                }
                stored.append(contentsOf: UnsafeBufferPointer(scratch))
            }
            start = end
        }
    }
}
