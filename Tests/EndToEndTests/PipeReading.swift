import Foundation

extension FileHandle {
    /// Everything left to read from the handle, retrying reads that a signal interrupted.
    ///
    /// Foundation's `readDataToEndOfFile()` traps on EINTR, which would take the whole test
    /// runner down when a signal reaches it while a child's output is being read.
    func readAllRetryingInterrupts() -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fileDescriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return data }
            data.append(contentsOf: buffer[0..<count])
        }
    }
}
