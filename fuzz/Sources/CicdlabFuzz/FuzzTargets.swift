import Foundation

@testable import Course
@testable import LabSupport
@testable import PipelineEngine

/// The readers the fuzzer feeds, each given the bytes of one would-be file.
///
/// A reader may refuse its input (a `LabError`, or any thrown error), which is what bad input
/// should get; what the fuzzer hunts is everything else: a trap (overflow, out-of-range index,
/// force unwrap), a memory error, a hang.
enum FuzzTarget: String, CaseIterable {
    case csv, suite, pipeline, gates, params, lesson, steps, quiz, scenario

    /// The target named by `CICDLAB_FUZZ_TARGET`.
    static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["CICDLAB_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            let names = allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("set CICDLAB_FUZZ_TARGET to one of: \(names)\n".utf8))
            exit(2)
        }
        return target
    }()

    /// An empty folder standing in for a workspace, for the pipeline's path checks.
    static let workspaceRoot: String = {
        let path = NSTemporaryDirectory() + "cicdlab-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    static let sampleParams = ParamsFile(
        file: "params.yaml", values: ["train.C": "1.0", "train.seed": "7", "train.model": "logistic"])

    /// Feeds `bytes` to the reader; refusals are expected and ignored.
    func run(_ bytes: [UInt8]) {
        // The loaders refuse text that is not UTF-8 before parsing; the fuzzer goes past that.
        let text = String(decoding: bytes, as: UTF8.self)
        do {
            switch self {
            case .csv:
                let table = try CSVReader.parse(bytes, source: "fuzz.csv")
                _ = table.rowCount
            case .suite:
                _ = try ExpectationSuite.parse(yaml: text, source: "suite.yaml")
            case .pipeline:
                var pipeline = try PipelineLoader.parse(text, file: "pipeline.yaml", params: Self.sampleParams)
                try PipelineChecks(pipeline: pipeline, paths: WorkspacePaths(root: Self.workspaceRoot))
                    .check(&pipeline)
            case .gates:
                _ = try GateConfigLoader.parseConfig(text, file: "gates.yaml")
            case .params:
                _ = try ParamsFile.parse(text, file: "params.yaml")
            case .lesson:
                _ = try LessonParser.parse(text, file: "lesson.md", directory: Self.workspaceRoot)
            case .steps:
                _ = StepLoader.parse(text, file: "steps.yaml")
            case .quiz:
                _ = QuizLoader.read(text, file: "quiz.yaml", lessonId: "fuzz")
            case .scenario:
                _ = try ScenarioLoader.parse(text, name: "fuzz", file: "scenario.yaml")
            }
        } catch {
            // A refusal: what bad input should get.
        }
    }
}

/// libFuzzer's callback: one input per call.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    FuzzTarget.selected.run(bytes)
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The program's entry point. SwiftPM links an executable with `main` set to this symbol,
/// where libFuzzer would bring its own `main`; so hand over to libFuzzer's driver here.
@_cdecl("CicdlabFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { start, size in fuzzTestOneInput(start, size) }
}
