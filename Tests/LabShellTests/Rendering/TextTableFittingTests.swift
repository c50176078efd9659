import Testing

@testable import LabShell

/// How a table meets a narrow terminal: columns shrink and wrap at spaces, kept-whole columns
/// never wrap, and a table that cannot fit, or would fold a row too often, becomes records.
@Suite struct TextTableFittingTests {
    func style(columns: Int) -> TerminalStyle { TerminalStyle(color: false, width: columns, columns: columns) }

    @Test func aTableThatFitsIsDrawnAsItIs() {
        let table = TextTable(headers: ["RUN", "STATUS"], rows: [["#1", "passed"]])
        #expect(table.render(style(columns: 40)) == "RUN  STATUS\n#1   passed")
    }

    @Test func keptWholeColumnsNeverWrapWhileOthersGiveWay() {
        let table = TextTable(
            headers: ["TITLE", "STATUS"], rows: [["Why CI/CD for ML differs", "not started"]],
            keptWhole: [1])
        #expect(
            table.render(style(columns: 28)) == """
                TITLE            STATUS
                Why CI/CD for    not started
                ML differs       \("")
                """)
    }

    @Test func aTableWhoseWordsCannotFitBecomesRecords() {
        let table = TextTable(
            headers: ["RUN", "STARTED", "evaluate.accuracy"],
            rows: [["#1", "2026-12-07 09:00:00", "0.8060"], ["#2", "2026-12-08 09:00:00", "0.8100"]])
        #expect(
            table.render(style(columns: 24)) == """
                RUN                #1
                STARTED            2026-12-07
                                   09:00:00
                evaluate.accuracy  0.8060

                RUN                #2
                STARTED            2026-12-08
                                   09:00:00
                evaluate.accuracy  0.8100
                """)
    }

    @Test func aRowFoldedMoreThanThreeTimesBecomesARecordWithWrappedValues() {
        let table = TextTable(
            headers: ["VERSION", "METRICS"],
            rows: [["v1", "accuracy 0.807 f1 0.490 roc_auc 0.839 log_loss 0.412"]])
        #expect(
            table.render(style(columns: 26)) == """
                VERSION  v1
                METRICS  accuracy 0.807 f1
                         0.490 roc_auc
                         0.839 log_loss
                         0.412
                """)
    }

    @Test func continuationRowsJoinTheirRecordAndEmptyValuesAreLeftOut() {
        var table = TextTable(headers: ["STAGE", "KIND", "WHY"])
        table.append(["train-the-model", "train", "params.yaml changed"])
        table.appendContinuation(["", "", "data/churn.csv changed"])
        table.append(["gate", "", "upstream stale"])
        #expect(
            table.render(style(columns: 20)) == """
                STAGE  train-the-model
                KIND   train
                WHY    params.yaml
                       changed
                       data/churn.csv
                       changed

                STAGE  gate
                WHY    upstream
                       stale
                """)
    }
}
