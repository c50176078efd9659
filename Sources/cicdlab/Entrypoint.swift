import Foundation
import LabShell

/// Hands the command line to LabShell and exits with its status.
@main
struct Entrypoint {
    static func main() {
        exit(LabShell.main(arguments: Array(CommandLine.arguments.dropFirst())))
    }
}
