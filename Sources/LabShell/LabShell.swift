import Foundation

/// The entry point behind the `cicdlab` executable.
public enum LabShell {
    /// Runs one command (or the REPL when none is given) and returns the exit status.
    public static func run(arguments: [String]) -> Int32 {
        if arguments.first == "--version" {
            print(cicdlabVersion)
            return 0
        }
        return 0
    }
}
