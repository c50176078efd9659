import Yams

extension PipelineExport {
    /// Kinds whose headline metrics the DVC export declares as DVC metrics: the ones that
    /// measure a model (a train stage on its own test rows, an evaluate stage on its data).
    static let dvcMetricsKinds: Set<StageKind> = [.train, .evaluate]

    /// `dvc.yaml` (and `params.yaml`): one DVC stage per pipeline stage, for `dvc repro` on a
    /// fresh clone with cicdlab on PATH.
    ///
    /// Each stage runs `cicdlab pipeline run FILE --stage NAME --only`: DVC runs the stages in
    /// graph order in one folder, so the stages a stage needs have left their results there and
    /// each stage's work runs once. DVC links stages through files, so each stage declares the
    /// result file the runner writes for it (`.lab/results/STAGE.json`, uncached) and reads those
    /// of the stages it needs (and no file a stage further up writes): `dvc dag` shows the same
    /// graph as `pipeline dag`. Train and
    /// evaluate stages declare their small metrics file (`.lab/metrics/STAGE.json`, see
    /// ``PipelineRunner/writeMetricsFile(_:)``) as DVC metrics, not the whole result.
    static func dvc(_ pipeline: PipelineDefinition, paramsText: String?) throws -> [ExportedFile] {
        let uncached = YAMLBuilder.map([("cache", YAMLBuilder.text("false"))])
        func uncachedFile(_ path: String) -> Node { YAMLBuilder.map([(path, uncached)]) }
        var writer: [String: String] = [:]
        for stage in pipeline.stages {
            for out in stage.outs { writer[out] = stage.name }
        }
        var stages: [(String, Node)] = []
        for name in pipeline.order {
            guard let stage = pipeline.stage(name) else { continue }
            var pairs: [(String, Node)] = [("cmd", YAMLBuilder.text(command(pipeline, name)))]
            if let desc = stage.desc { pairs.append(("desc", YAMLBuilder.text(desc))) }
            // A file another stage writes is a dependency only when that stage is a direct
            // upstream: any other reaches this stage through the result file of one it needs
            // (a stage that really runs writes a new run number there), and listing it would add
            // an edge `pipeline dag` does not have.
            let direct = Set(stage.upstream)
            let files = stage.dependencies.filter { writer[$0].map(direct.contains) ?? true }
            let deps = orderedUnique([pipeline.file] + files + stage.upstream.map(resultFile))
            pairs.append(("deps", YAMLBuilder.strings(deps)))
            if !stage.params.isEmpty { pairs.append(("params", YAMLBuilder.strings(stage.params))) }
            pairs.append(("outs", YAMLBuilder.list(stage.outs.map { Node($0) } + [uncachedFile(resultFile(name))])))
            if dvcMetricsKinds.contains(stage.kind) {
                pairs.append(("metrics", YAMLBuilder.list([uncachedFile(PipelineRunner.metricsFile(name))])))
            }
            stages.append((name, YAMLBuilder.map(pairs)))
        }
        let dvcYAML = try YAMLBuilder.serialize(
            YAMLBuilder.map([("stages", YAMLBuilder.map(stages))]),
            header: header(.dvc, pipeline))
        var files = [ExportedFile(path: "dvc.yaml", contents: dvcYAML)]
        if let paramsText { files.append(ExportedFile(path: "params.yaml", contents: paramsText)) }
        return files
    }
}
