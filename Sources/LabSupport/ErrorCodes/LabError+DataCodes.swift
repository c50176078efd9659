/// The error codes of data sets, CSV files, validation suites and drift.
extension LabError.Code {
    /// `csv.duplicate_header`, as in "column '…' appears twice in the header (columns … and …);".
    package static let csvDuplicateHeader = Self("csv.duplicate_header")
    /// `csv.empty_file`, as in "the file is empty; expected a header line naming the columns".
    package static let csvEmptyFile = Self("csv.empty_file")
    /// `csv.empty_header`, as in "column … of the header has no name: found …;".
    package static let csvEmptyHeader = Self("csv.empty_header")
    /// `csv.invalid_utf8`: a CSV file has bytes that are not UTF-8.
    package static let csvInvalidUtf8 = Self("csv.invalid_utf8")
    /// `csv.no_header`, as in "line 1 is empty; expected a header line naming the columns".
    package static let csvNoHeader = Self("csv.no_header")
    /// `csv.nul_byte`: a CSV file has a NUL byte (it is probably not text).
    package static let csvNulByte = Self("csv.nul_byte")
    /// `csv.ragged_row`, as in "row has … fields but the header has … columns: found …".
    package static let csvRaggedRow = Self("csv.ragged_row")
    /// `csv.stray_carriage_return`: a carriage return without a line feed inside an unquoted field.
    package static let csvStrayCarriageReturn = Self("csv.stray_carriage_return")
    /// `csv.stray_quote`, as in "quote inside an unquoted field …: found …; quote the whole field and double …".
    package static let csvStrayQuote = Self("csv.stray_quote")
    /// `csv.text_after_quote`, as in "text after the closing quote …: found …; expected ',' or the end of the …".
    package static let csvTextAfterQuote = Self("csv.text_after_quote")
    /// `csv.type_mismatch`, as in "value … in column '…' is not …, as …".
    package static let csvTypeMismatch = Self("csv.type_mismatch")
    /// `csv.unknown_type`, as in "unknown column type '…' in the header '…'; expected integer, double …".
    package static let csvUnknownType = Self("csv.unknown_type")
    /// `csv.unknown_type_column`: the types option names a column that is not in the header.
    package static let csvUnknownTypeColumn = Self("csv.unknown_type_column")
    /// `csv.unterminated_quote`, as in "quoted field … is never closed: found …; add the closing '"'".
    package static let csvUnterminatedQuote = Self("csv.unterminated_quote")
    /// `data.type_mismatch`: a value does not have the type the model was trained on.
    package static let dataTypeMismatch = Self("data.type_mismatch")
    /// `data.unknown_column`: a column named on the command line or in a file is not in the data.
    package static let dataUnknownColumn = Self("data.unknown_column")
    /// `drift.bad_threshold`, as in "--threshold must be above 0, got …".
    package static let driftBadThreshold = Self("drift.bad_threshold")
    /// `drift.unknown_method`: `drift --method` names no drift test the lab knows.
    package static let driftUnknownMethod = Self("drift.unknown_method")
    /// `leakage.bad_time`, as in "time '…' in column '…' is not a date, a date-time or a number; expected …".
    package static let leakageBadTime = Self("leakage.bad_time")
    /// `leakage.column_mismatch`, as in "… has a column '…' that … does not; expected the same columns …".
    package static let leakageColumnMismatch = Self("leakage.column_mismatch")
    /// `leakage.target_not_binary`, as in "the target '…' has one class ('…') in …; expected two classes …".
    package static let leakageTargetNotBinary = Self("leakage.target_not_binary")
    /// `sandbox.bad_rows`, as in "--rows must be between 0 and …, got …".
    package static let sandboxBadRows = Self("sandbox.bad_rows")
    /// `sandbox.no_templates`, as in "cannot find the sandbox templates at …".
    package static let sandboxNoTemplates = Self("sandbox.no_templates")
    /// `sandbox.not_a_workspace`, as in "… is not a sandbox workspace (no .lab folder); refusing to clear it".
    package static let sandboxNotAWorkspace = Self("sandbox.not_a_workspace")
    /// `sandbox.not_initialised`, as in "no sandbox workspace at …; run `sandbox init` first".
    package static let sandboxNotInitialised = Self("sandbox.not_initialised")
    /// `sandbox.reset`, as in "cannot keep the damaged state database as …: …".
    package static let sandboxReset = Self("sandbox.reset")
    /// `sandbox.unknown_dataset`: `sandbox generate` names no data set the lab can generate.
    package static let sandboxUnknownDataset = Self("sandbox.unknown_dataset")
    /// `stream.bad_change`: a change to the simulated world is out of range or does not fit the data set.
    package static let streamBadChange = Self("stream.bad_change")
    /// `stream.bad_delay`, as in "a label delay must be 0 days or more, got …".
    package static let streamBadDelay = Self("stream.bad_delay")
    /// `stream.bad_rows`, as in "rows per day must be between 0 and 100000, got …".
    package static let streamBadRows = Self("stream.bad_rows")
    /// `suite.empty`, as in "the suite is empty; expected 'expectations:' followed by a list".
    package static let suiteEmpty = Self("suite.empty")
    /// `suite.invalid_utf8`, as in "the suite is not UTF-8 text".
    package static let suiteInvalidUtf8 = Self("suite.invalid_utf8")
    /// `suite.invalid_value`, as in "'…' (…) is greater than '…' (…)".
    package static let suiteInvalidValue = Self("suite.invalid_value")
    /// `suite.missing_argument`, as in "… needs '…', e.g.
    ///
    /// '…'".
    package static let suiteMissingArgument = Self("suite.missing_argument")
    /// `suite.missing_key`, as in "the suite has no 'expectations:' list".
    package static let suiteMissingKey = Self("suite.missing_key")
    /// `suite.shape`, as in "expected a mapping with 'expectations:' at the top, found …".
    package static let suiteShape = Self("suite.shape")
    /// `suite.unknown_argument`: an expectation has an argument its kind does not take.
    package static let suiteUnknownArgument = Self("suite.unknown_argument")
    /// `suite.unknown_expectation`: `expect:` names no kind of expectation the lab knows.
    package static let suiteUnknownExpectation = Self("suite.unknown_expectation")
    /// `suite.unknown_key`: a suite has a key other than `name` and `expectations`.
    package static let suiteUnknownKey = Self("suite.unknown_key")
    /// `suite.wrong_type`, as in "'…' of … must be …, found …".
    package static let suiteWrongType = Self("suite.wrong_type")

    /// Every code of data sets, CSV files, validation suites and drift, for the catalogue check.
    static let dataCodes: [Self] = [
        .csvDuplicateHeader,
        .csvEmptyFile,
        .csvEmptyHeader,
        .csvInvalidUtf8,
        .csvNoHeader,
        .csvNulByte,
        .csvRaggedRow,
        .csvStrayCarriageReturn,
        .csvStrayQuote,
        .csvTextAfterQuote,
        .csvTypeMismatch,
        .csvUnknownType,
        .csvUnknownTypeColumn,
        .csvUnterminatedQuote,
        .dataTypeMismatch,
        .dataUnknownColumn,
        .driftBadThreshold,
        .driftUnknownMethod,
        .leakageBadTime,
        .leakageColumnMismatch,
        .leakageTargetNotBinary,
        .sandboxBadRows,
        .sandboxNoTemplates,
        .sandboxNotAWorkspace,
        .sandboxNotInitialised,
        .sandboxReset,
        .sandboxUnknownDataset,
        .streamBadChange,
        .streamBadDelay,
        .streamBadRows,
        .suiteEmpty,
        .suiteInvalidUtf8,
        .suiteInvalidValue,
        .suiteMissingArgument,
        .suiteMissingKey,
        .suiteShape,
        .suiteUnknownArgument,
        .suiteUnknownExpectation,
        .suiteUnknownKey,
        .suiteWrongType,
    ]
}
