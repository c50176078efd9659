import Foundation
import LabSupport

/// A registry version loaded for serving, bound to the rows it will answer.
struct ServedModel {
    let version: Int
    let model: TrainedModel
    /// The predictor over the replayed rows, or why the model cannot read them (every request
    /// to it then fails with that error, as a service whose input contract broke would).
    private var predictor: Result<ModelPredictor, LabError>

    /// Loads version `version` from the registry (checksum verified) for `rows`.
    init(version: Int, registry: ModelRegistry, rows: DataTable) throws {
        self.version = version
        let data = try registry.modelData("v\(version)")
        do {
            model = try JSONDecoder().decode(TrainedModel.self, from: data)
        } catch {
            throw LabError(
                .deployBadModel, "v\(version) is not a model the lab can serve: \(LabError.reason(for: error))",
                kind: .failed,
                cause: error)
        }
        do {
            predictor = .success(try ModelPredictor(model: model, table: rows))
        } catch let error as LabError {
            predictor = .failure(error)
        }
    }

    /// Why this model cannot answer these rows, if it cannot.
    var failure: LabError? {
        if case .failure(let error) = predictor { return error }
        return nil
    }

    /// Answers row `row`, timed by `meter`: the predicted label (or number), or nil when the
    /// model failed, and the real time it took in milliseconds.
    mutating func answer(_ row: Int, meter: LatencyMeter) -> (answer: String?, ms: Double) {
        guard case .success(var running) = predictor else { return (nil, 0) }
        let (value, ms) = meter.time(version) { running.predict(row: row) }
        predictor = .success(running)
        if model.task == .regression { return (formatDouble(value), ms) }
        let index = Int(value)
        return (model.classes.indices.contains(index) ? model.classes[index] : nil, ms)
    }
}

/// Times single predictions: for real on the monotonic clock, or (in tests) as given.
struct LatencyMeter: Sendable {
    /// Runs `predict` for `version` and returns its value and the milliseconds it took.
    let time: @Sendable (_ version: Int, _ predict: () -> Double) -> (Double, Double)

    /// Real time, as a service measures it.
    static let real = LatencyMeter { _, predict in
        let start = WallClock.instant()
        let value = predict()
        let milliseconds = WallClock.seconds(since: start) * 1000
        blackHole(value)
        return (value, milliseconds)
    }
}
