// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "cicdlab",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cicdlab", targets: ["cicdlab"])
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // libedit, the line editor behind the REPL. C stays in shim.h.
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // The shared foundation below every other target, like SwiftPM's `Basics`: the lab's
        // error, files written atomically and inside a workspace, SQLite and YAML reading,
        // hashing, Ctrl-C, durations. Knows nothing of ML, lessons or the terminal.
        .target(
            name: "LabSupport",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The ML CI/CD engine: data, validation, training, evaluation, gates, drift,
        // registry, deployment simulation, pipelines. Knows nothing of lessons.
        .target(
            name: "PipelineEngine",
            dependencies: [
                "LabSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Lessons, steps and checks, quizzes, spaced review, the progress store.
        // Knows nothing of the terminal.
        .target(
            name: "Course",
            dependencies: [
                "LabSupport",
                "PipelineEngine",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The REPL, the command table, completion and terminal rendering.
        .target(
            name: "LabShell",
            dependencies: [
                "LabSupport",
                "Course",
                "PipelineEngine",
                "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "cicdlab", dependencies: ["LabShell"]),
        .testTarget(
            name: "PipelineEngineTests", dependencies: ["LabSupport", "PipelineEngine"],
            exclude: ["Fixtures", "References"]),
        .testTarget(name: "CourseTests", dependencies: ["LabSupport", "Course"], exclude: ["Fixtures", "References"]),
        .testTarget(name: "LabShellTests", dependencies: ["LabSupport", "LabShell"], exclude: ["Fixtures"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "cicdlab", "LabSupport", "Course", "PipelineEngine", .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)

// Module boundaries the compiler enforces: an import is internal unless a file says otherwise,
// a file sees only the members of modules it imports itself, and existentials say `any`.
let strictBoundaries: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("ExistentialAny"),
]
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + strictBoundaries
}
