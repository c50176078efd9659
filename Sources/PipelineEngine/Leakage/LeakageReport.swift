import LabSupport

/// What `data leakage TRAIN TEST` found: rows and ids shared by the two files, features that
/// give the target away on their own, and test rows older than the training data.
///
/// Leakage is found when any test row or id is also in the training file, any feature is
/// flagged, or any test row is earlier than the latest training row.
package struct LeakageReport: Sendable, Encodable, Equatable {
    package var train: String
    package var test: String
    package var target: String
    package var trainRows: Int
    package var testRows: Int
    package var sharedRows: SharedRows
    /// Present when the check was given an id column.
    package var sharedIDs: SharedIDs?
    /// The target's classes in the training file, sorted as scikit-learn sorts them.
    package var classes: [String]
    /// The class whose AUC is reported (the last of ``classes``); nil when the target is not binary.
    package var positiveClass: String?
    /// Why the AUC check did not run, when it did not.
    package var aucNote: String?
    /// Every feature of the training file, in its order, measured against the target.
    package var features: [FeatureLeakage]
    /// Present when the check was given a time column.
    package var timeOrder: TimeOrder?

    /// Features that give the target away on their own.
    package var flaggedFeatures: [String] { features.filter(\.flagged).map(\.feature) }

    /// Whether anything leaks from the test file into the training file or from the target
    /// into a feature.
    package var leakageFound: Bool {
        sharedRows.testRowsInTrain > 0 || (sharedIDs?.testRowsWithTrainID ?? 0) > 0 || !flaggedFeatures.isEmpty
            || (timeOrder?.testRowsBeforeLatestTrain ?? 0) > 0
    }

    private enum CodingKeys: String, CodingKey {
        case train, test, target
        case trainRows = "train_rows"
        case testRows = "test_rows"
        case leakageFound = "leakage_found"
        case sharedRows = "shared_rows"
        case sharedIDs = "shared_ids"
        case classes
        case positiveClass = "positive_class"
        case aucNote = "auc_note"
        case features
        case flaggedFeatures = "flagged_features"
        case timeOrder = "time_order"
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(train, forKey: .train)
        try container.encode(test, forKey: .test)
        try container.encode(target, forKey: .target)
        try container.encode(trainRows, forKey: .trainRows)
        try container.encode(testRows, forKey: .testRows)
        try container.encode(leakageFound, forKey: .leakageFound)
        try container.encode(sharedRows, forKey: .sharedRows)
        try container.encode(sharedIDs, forKey: .sharedIDs)
        try container.encode(classes, forKey: .classes)
        try container.encode(positiveClass, forKey: .positiveClass)
        try container.encode(aucNote, forKey: .aucNote)
        try container.encode(features, forKey: .features)
        try container.encode(flaggedFeatures, forKey: .flaggedFeatures)
        try container.encode(timeOrder, forKey: .timeOrder)
    }
}

extension LeakageReport {
    /// Checks `test` against `train` for leakage on the target column `target`.
    ///
    /// Both files must have the same columns (in any order); `id` and `time`, when given, name
    /// columns of both. Feature measures are computed on the training file; the id and time
    /// columns are not features.
    package init(train: DataTable, test: DataTable, target: String, id: String? = nil, time: String? = nil)
        throws
    {
        for name in [target, id, time].compactMap({ $0 }) {
            _ = try train.requireColumn(name)
            _ = try test.requireColumn(name)
        }
        try Self.requireSameColumns(train, test)
        self.train = train.source
        self.test = test.source
        self.target = target
        trainRows = train.rowCount
        testRows = test.rowCount
        sharedRows = SharedRows(train: train, test: test, columns: train.columnNames.filter { $0 != id })
        if let id {
            sharedIDs = SharedIDs(
                train: train, test: test, trainIDs: try train.requireColumn(id), testIDs: try test.requireColumn(id))
        }
        let classes = try TargetClasses(try train.requireColumn(target), source: train.source)
        self.classes = classes.classes
        positiveClass = classes.isBinary ? classes.positiveClass : nil
        if !classes.isBinary {
            aucNote = "the target has \(classes.classes.count) classes; the AUC check needs two and was skipped"
        }
        features = train.columns.filter { ![target, id, time].contains($0.name) }.compactMap { column in
            switch column.type {
            case .string: FeatureLeakage.categorical(column, target: classes)
            case .integer, .double, .boolean:
                classes.isBinary ? FeatureLeakage.numeric(column, target: classes) : nil
            }
        }
        if let time {
            timeOrder = try TimeOrder(
                train: train, trainTimes: try train.requireColumn(time), test: test,
                testTimes: try test.requireColumn(time))
        }
    }

    /// An error naming the first column one file has and the other lacks.
    private static func requireSameColumns(_ train: DataTable, _ test: DataTable) throws {
        let testNames = Set(test.columnNames)
        let trainNames = Set(train.columnNames)
        let pairs = [(train, test, testNames), (test, train, trainNames)]
        for (has, lacks, names) in pairs {
            if let missing = has.columnNames.first(where: { !names.contains($0) }) {
                throw LabError(
                    .leakageColumnMismatch,
                    "\(has.source) has a column '\(missing)' that \(lacks.source) does not; "
                        + "expected the same columns in both to compare their rows")
            }
        }
    }
}
