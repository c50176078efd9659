/// The GitHub actions an exported workflow uses, each pinned to the full commit SHA of a release.
///
/// A tag can be moved to other code; a commit SHA cannot, so a workflow that names the SHA runs
/// exactly the code that was reviewed (GitHub's security hardening guide). The release tag goes
/// in a comment beside it, where tools such as Dependabot read it. All four run on Node 24.
/// The SHAs were read from the actions' own repositories (`git rev-parse TAG^{commit}`).
enum GitHubActionPins {
    static let checkout = Pin(name: "actions/checkout", sha: "3d3c42e5aac5ba805825da76410c181273ba90b1", tag: "v7.0.1")
    static let cache = Pin(name: "actions/cache", sha: "27d5ce7f107fe9357f9df03efb73ab90386fccae", tag: "v5.0.5")
    static let uploadArtifact = Pin(
        name: "actions/upload-artifact", sha: "bbbca2ddaa5d8feaa63e36b76fdaad77386f024f", tag: "v7.0.0")
    static let downloadArtifact = Pin(
        name: "actions/download-artifact", sha: "3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c", tag: "v8.0.1")

    /// One action at one commit.
    struct Pin {
        var name: String
        var sha: String
        var tag: String

        /// The `uses:` value; ``PipelineExport/withTagComments(_:)`` adds the tag after it.
        var uses: String { "\(name)@\(sha)" }
    }

    static let all = [checkout, cache, uploadArtifact, downloadArtifact]
}
