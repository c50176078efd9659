import Dispatch

extension CSVReader {
    /// Reads each stretch on its own thread and joins the columns; nil when any stretch fails,
    /// so that the caller reads again in one piece and reports the file's first error.
    static func readInParallel(
        _ stretches: [CSVStretch], _ bytes: UnsafeBufferPointer<UInt8>,
        _ diagnostics: CSVDiagnostics, _ header: CSVHeader, _ file: MappedFile?
    ) -> DataTable? {
        let readers = UnsafeMutableBufferPointer<CSVRecordReader?>.allocate(capacity: stretches.count)
        _ = readers.initialize(from: repeatElement(nil, count: stretches.count))
        defer {
            readers.deinitialize()
            readers.deallocate()
        }
        let work = ParallelRead(
            bytes: bytes, diagnostics: diagnostics, header: header, file: file,
            stretches: stretches, readers: readers)
        DispatchQueue.concurrentPerform(iterations: stretches.count) { index in
            work.read(index)
        }
        let finished = readers.compactMap { $0 }
        guard finished.count == readers.count, let first = finished.first else { return nil }
        return try? join(first, finished)
    }

    /// One table from the stretches' readers, in file order; `first` is the first of them.
    private static func join(_ first: CSVRecordReader, _ stretchReaders: [CSVRecordReader]) throws -> DataTable {
        var readers = stretchReaders
        for column in first.builders.indices {
            let kind = ColumnBuilder.unifiedKind(readers.map { $0.builders[column].kind })
            for index in readers.indices where kind == .string {
                let own = readers[index].builders[column].kind
                if own != .string, own != .unknown { try readers[index].replayAsText(column: column) }
            }
            for index in readers.indices.dropFirst() {
                first.builders[column].absorb(&readers[index].builders[column])
            }
        }
        // Later stretches counted lines from 0; their real first lines follow from the ones before.
        var firstLines = [first.stretch.firstLine]
        for index in readers.indices.dropFirst() {
            let previous = readers[index - 1]
            firstLines.append(firstLines[index - 1] + previous.endLine - previous.stretch.firstLine)
        }
        let implicit =
            firstLines[0] == 2
            && readers.indices.allSatisfy { index in
                readers[index].rowLines.isEmpty
                    && (index == 0 || firstLines[index] == firstLines[index - 1] + readers[index - 1].rows)
            }
        var lines: [Int] = []
        if !implicit {
            for (index, reader) in readers.enumerated() {
                let shift = firstLines[index] - reader.stretch.firstLine
                lines +=
                    reader.rowLines.isEmpty
                    ? (0..<reader.rows).map { firstLines[index] + $0 } : reader.rowLines.map { $0 + shift }
            }
        }
        return DataTable(columns: first.builders.map { $0.build() }, source: first.diagnostics.source, rowLines: lines)
    }
}

/// What the threads of a parallel read share: the input, read-only, and one result slot each.
private struct ParallelRead: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    let diagnostics: CSVDiagnostics
    let header: CSVHeader
    let file: MappedFile?
    let stretches: [CSVStretch]
    /// Slot `i` is written by the thread reading stretch `i` only.
    let readers: UnsafeMutableBufferPointer<CSVRecordReader?>

    func read(_ index: Int) {
        var reader = CSVRecordReader(
            bytes: bytes, diagnostics: diagnostics, header: header, file: file,
            stretch: stretches[index])
        if (try? reader.read()) != nil { readers[index] = reader }
    }
}
