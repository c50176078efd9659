// swift-tools-version:6.1
// libFuzzer targets for cicdlab's readers of untrusted files (CSV, suites, pipelines, gate
// configs, params, lessons, steps, quizzes, scenarios). A package of its own, so that the
// main package's `swift build` and `swift test` never see it; `Sources/LabSupport`,
// `Sources/PipelineEngine` and `Sources/Course` are symlinks to the main package's sources. Build and run with `run.sh`.
import PackageDescription

let package = Package(
    name: "cicdlab-fuzz",
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .target(
            name: "LabSupport",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "PipelineEngine",
            dependencies: [
                "LabSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "Course",
            dependencies: [
                "LabSupport",
                "PipelineEngine",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // One libFuzzer binary; CICDLAB_FUZZ_TARGET picks the reader it feeds.
        .executableTarget(name: "CicdlabFuzz", dependencies: ["LabSupport", "PipelineEngine", "Course"]),
    ],
    swiftLanguageModes: [.v6]
)

// The same boundaries as the main package, so its sources compile here unchanged.
for target in package.targets {
    target.swiftSettings = [
        .enableUpcomingFeature("InternalImportsByDefault"),
        .enableUpcomingFeature("MemberImportVisibility"),
        .enableUpcomingFeature("ExistentialAny"),
    ]
}
