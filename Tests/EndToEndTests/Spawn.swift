import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs a program with `posix_spawn`, feeds its standard input and reads its output and errors.
///
/// Foundation's `Process.run()` on Linux can crash the test runner: to close inherited files
/// in the child it reads `/proc/self/fd` with a 256-byte copy of each directory entry, which
/// reads past glibc's buffer when an entry sits at its end (swift-corelibs-foundation pull
/// request 5472, fixed after Swift 6.3). A suite that starts hundreds of children hits it now
/// and then. This runner spawns directly and closes inherited files with glibc's
/// `posix_spawn_file_actions_addclosefrom_np` (looked up at run time, as the Swift module does
/// not declare it).
enum Spawn {
    /// Why a program could not be started.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// How a run ended: the exit status, or the number of the signal that ended it, as
    /// Foundation's `terminationStatus` reports it.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String], directory: String?,
        stdin: String
    ) throws -> (status: Int32, stdout: Data, stderr: Data) {
        _ = ignoresBrokenPipes
        var input: [Int32] = [0, 0]
        var output: [Int32] = [0, 0]
        var errors: [Int32] = [0, 0]
        for index in 0..<3 {
            var ends: [Int32] = [0, 0]
            guard pipe(&ends) == 0 else { throw Failure(description: "pipe failed: errno \(errno)") }
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            switch index {
            case 0: input = ends
            case 1: output = ends
            default: errors = ends
            }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        if let closeFrom = glibc("posix_spawn_file_actions_addclosefrom_np", as: CloseFrom.self) {
            _ = closeFrom(&actions, 3)
        }
        if let directory {
            guard let changeDirectory = glibc("posix_spawn_file_actions_addchdir_np", as: ChangeDirectory.self) else {
                throw Failure(description: "this libc cannot start a program in another folder")
            }
            _ = directory.withCString { changeDirectory(&actions, $0) }
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        close(input[0])
        close(output[1])
        close(errors[1])
        guard spawned == 0 else {
            for end in [input[1], output[0], errors[0]] { close(end) }
            throw Failure(description: "cannot start \(executable): errno \(spawned)")
        }
        write(all: Array(stdin.utf8), to: input[1])
        close(input[1])
        let (out, err) = readBoth(output[0], errors[0])
        close(output[0])
        close(errors[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        let signal = status & 0x7f
        return (signal == 0 ? (status >> 8) & 0xff : signal, out, err)
    }

    /// A child that exits before reading its input makes writes fail with EPIPE instead of
    /// raising SIGPIPE, which would end the test runner.
    private static let ignoresBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private typealias ChangeDirectory =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    /// A glibc function the Swift module does not declare, by name.
    private static func glibc<Function>(_ name: String, as type: Function.Type) -> Function? {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), name) else { return nil }
        return unsafeBitCast(symbol, to: type)
    }

    /// Writes every byte, retrying interrupted and partial writes; stops if the reader left.
    private static func write(all bytes: [UInt8], to descriptor: Int32) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }

    /// Reads two pipes to their ends at once, so that neither fills while the other is read.
    private static func readBoth(_ first: Int32, _ second: Int32) -> (Data, Data) {
        var data = [Data(), Data()]
        var open = [true, true]
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while open.contains(true) {
            var fds = [first, second].enumerated().map { index, fd in
                pollfd(fd: open[index] ? fd : -1, events: Int16(POLLIN), revents: 0)
            }
            let ready = poll(&fds, nfds_t(fds.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for index in 0..<2 where open[index] && fds[index].revents != 0 {
                let count = read(fds[index].fd, &buffer, buffer.count)
                if count > 0 {
                    data[index].append(contentsOf: buffer[0..<count])
                } else if count == 0 || errno != EINTR {
                    open[index] = false
                }
            }
        }
        return (data[0], data[1])
    }
}
