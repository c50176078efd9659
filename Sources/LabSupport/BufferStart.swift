/// The address of a buffer's first element, for code that reads its `count` elements from a
/// pointer. An empty buffer may have no address; `body` then gets the address of a zero, which
/// reading no elements never touches.
extension UnsafeBufferPointer where Element: AdditiveArithmetic {
    @inlinable
    package func withStart<Result>(_ body: (UnsafePointer<Element>) throws -> Result) rethrows -> Result {
        if let start = baseAddress { return try body(start) }
        return try withUnsafePointer(to: Element.zero, body)
    }
}

extension UnsafeMutableBufferPointer where Element: AdditiveArithmetic {
    @inlinable
    package func withStart<Result>(_ body: (UnsafeMutablePointer<Element>) throws -> Result) rethrows -> Result {
        if let start = baseAddress { return try body(start) }
        var zero = Element.zero
        return try withUnsafeMutablePointer(to: &zero, body)
    }
}
