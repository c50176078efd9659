/// An integer column's values, stored in the narrowest of `Int8`, `Int16`, `Int32` and `Int64`
/// that holds every one of them, and read as `Int64` whatever the storage.
///
/// A million ages take 1 MB as `Int8` instead of 8 MB as `Int64`. The storage only widens:
/// appending a value outside the current width first copies the values into the next width
/// that holds it. Two collections with the same values are equal whatever their widths.
package struct IntegerValues: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    /// How many bytes each stored value takes.
    package enum Width: Int, Sendable, Comparable, CaseIterable {
        case int8 = 1
        case int16 = 2
        case int32 = 4
        case int64 = 8

        /// The narrowest width that holds every value from `low` to `high`.
        package init(low: Int64, high: Int64) {
            if low >= Int64(Int8.min), high <= Int64(Int8.max) {
                self = .int8
            } else if low >= Int64(Int16.min), high <= Int64(Int16.max) {
                self = .int16
            } else if low >= Int64(Int32.min), high <= Int64(Int32.max) {
                self = .int32
            } else {
                self = .int64
            }
        }

        /// The narrowest width that holds every one of `values` (``int8`` for none).
        package init(of values: some Sequence<Int64>) {
            var low: Int64 = 0
            var high: Int64 = 0
            for value in values {
                low = Swift.min(low, value)
                high = Swift.max(high, value)
            }
            self.init(low: low, high: high)
        }

        package static func < (a: Width, b: Width) -> Bool { a.rawValue < b.rawValue }
    }

    /// The stored values, one array of the current width.
    package enum Elements: Sendable {
        case int8([Int8])
        case int16([Int16])
        case int32([Int32])
        case int64([Int64])
    }

    package internal(set) var elements: Elements

    /// No values, stored as `Int8` until a wider one arrives.
    package init() { elements = .int8([]) }

    /// `values`, stored in the narrowest width that holds them all.
    package init(_ values: [Int64]) {
        switch Width(of: values) {
        case .int8: elements = .int8(values.map { Int8(truncatingIfNeeded: $0) })
        case .int16: elements = .int16(values.map { Int16(truncatingIfNeeded: $0) })
        case .int32: elements = .int32(values.map { Int32(truncatingIfNeeded: $0) })
        case .int64: elements = .int64(values)
        }
    }

    package init(arrayLiteral values: Int64...) { self.init(values) }

    /// The values that `values` produces, in the narrowest width that holds them all.
    package init(_ values: some Sequence<Int64>) { self.init(Array(values)) }

    /// The width every value is stored in.
    package var width: Width {
        switch elements {
        case .int8: .int8
        case .int16: .int16
        case .int32: .int32
        case .int64: .int64
        }
    }

    package var startIndex: Int { 0 }

    package var endIndex: Int {
        switch elements {
        case .int8(let values): values.count
        case .int16(let values): values.count
        case .int32(let values): values.count
        case .int64(let values): values.count
        }
    }

    @inlinable package subscript(position: Int) -> Int64 {
        switch elements {
        case .int8(let values): Int64(values[position])
        case .int16(let values): Int64(values[position])
        case .int32(let values): Int64(values[position])
        case .int64(let values): values[position]
        }
    }

    /// Calls `body` with each position and its value, in order, choosing the storage's width
    /// once rather than at every value as the subscript does.
    @inlinable package func forEachValue(_ body: (_ position: Int, _ value: Int64) throws -> Void) rethrows {
        switch elements {
        case .int8(let values): for position in values.indices { try body(position, Int64(values[position])) }
        case .int16(let values): for position in values.indices { try body(position, Int64(values[position])) }
        case .int32(let values): for position in values.indices { try body(position, Int64(values[position])) }
        case .int64(let values): for position in values.indices { try body(position, values[position]) }
        }
    }

    /// How many bytes the stored values take.
    package var storedBytes: Int { count * width.rawValue }

    package static func == (a: IntegerValues, b: IntegerValues) -> Bool {
        a.count == b.count && a.elementsEqual(b)
    }
}
