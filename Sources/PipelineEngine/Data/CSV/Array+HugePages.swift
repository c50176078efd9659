#if canImport(Glibc)
import Glibc
#endif

extension Array where Element: BitwiseCopyable {
    /// Asks the kernel to back the array's reserved capacity with huge pages where it can.
    ///
    /// A million-row column is tens of megabytes that the reader fills once, front to back;
    /// with 4 KiB pages that is thousands of page faults per column, with 2 MiB pages a handful.
    /// Only a hint: nothing changes where the kernel says no (or on other systems).
    func adviseHugePages() {
        #if os(Linux)
        let bytes = capacity * MemoryLayout<Element>.stride
        let hugePage = 2 << 20
        guard bytes >= 2 * hugePage else { return }
        withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let start = (Int(bitPattern: base) + hugePage - 1) / hugePage * hugePage
            let end = (Int(bitPattern: base) + bytes) / hugePage * hugePage
            guard end > start, let address = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(address, end - start, MADV_HUGEPAGE)
        }
        #endif
    }
}
