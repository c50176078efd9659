import Foundation
import LabSupport

/// Training-serving skew: the data the champion was trained on against the features the
/// serving path handed it, per feature, with the drift engine's per-column comparison.
///
/// Drift compares production with itself over time (a reference week against the days ending
/// today: same path, different time); skew compares two paths at the same time (the training
/// file against what serving sends). A serving bug present from the first day, such as a
/// feature sent in other units, never shows as drift, since every production window carries
/// it alike, but shows as skew on day one.
struct ServingSkew {
    /// The training data file, relative to the workspace.
    let trainingFile: String
    let training: DataTable
    /// The champion's features, those compared.
    let features: [String]

    /// The champion's training data: the workspace's CSV file whose SHA-256 is the data hash
    /// in the champion's lineage; nil when no file has it (the file changed since training).
    ///
    /// The files the pipeline's train stages read are hashed first, so the usual answer costs
    /// one hash; only when none of them matches are the other CSV files of the workspace tried.
    static func locate(_ champion: ModelVersion, in workspace: Workspace) throws -> ServingSkew? {
        let root = workspace.root
        let paths = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? []
        let csvFiles = paths.filter { path in
            path.hasSuffix(".csv") && !path.split(separator: "/").contains { $0.hasPrefix(".") }
        }
        .sorted()
        let trained = ((try? PipelineLoader.load(in: workspace))?.stages ?? [])
            .filter { $0.kind == .train }
            .compactMap { $0.text("data") }
            .filter(csvFiles.contains)
        for path in trained + csvFiles.filter({ !trained.contains($0) }) {
            guard (try? ContentHash.hex(fileAt: root + "/" + path)) == champion.lineage.dataHash else { continue }
            let table = try StageData.table(at: root + "/" + path, named: path)
            return ServingSkew(trainingFile: path, training: table, features: champion.features)
        }
        return nil
    }

    /// The skew of every feature of `served` from the training data, by `method` (its default
    /// threshold unless `threshold` is given): a feature whose distribution differs is skewed.
    func skew(served: DataTable, method: DriftMethod, threshold: Double?) throws -> [FeatureDrift] {
        let columns = features.filter { training.columnNames.contains($0) && served.columnNames.contains($0) }
        let report = try DriftDetector.compare(
            reference: training, current: served,
            options: DriftOptions(method: method, columns: columns, threshold: threshold))
        return FeatureDrift.list(report)
    }
}
