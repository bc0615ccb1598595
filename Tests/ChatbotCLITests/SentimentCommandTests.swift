// `chatbot sentiment`: help snapshot, argument validation, the report and CSV annotation.
import ArgumentParser
import ChatbotCLI
import Sentiment
import Testing

@Test func sentimentHelpMatchesSnapshot() throws {
    let command = try ChatbotCommand.parseAsRoot(["sentiment", "x"])
    try expectSnapshot(ChatbotCommand.helpMessage(for: type(of: command), columns: 100), named: "sentiment-help.txt")
}

@Test func needsATextOrAFileButNotBoth() {
    #expect(throws: (any Error).self) { try ChatbotCommand.parseAsRoot(["sentiment"]) }
    #expect(throws: (any Error).self) { try ChatbotCommand.parseAsRoot(["sentiment", "hi", "--file", "f.csv"]) }
    #expect(throws: (any Error).self) { try ChatbotCommand.parseAsRoot(["sentiment", "hi", "-o", "out.csv"]) }
    #expect((try? ChatbotCommand.parseAsRoot(["sentiment", "--lexicon-only", "--file", "f.csv", "-o", "o.csv", "--column", "body"])) != nil)
}

@Test func reportListsLabelScoreAndDrivers() {
    let report = SentimentReport.text(LexiconSentimentAnalyser().analyse("still waiting, not happy"))
    #expect(report.hasPrefix("label: negative\nscore: -"))
    #expect(report.contains("still waiting"))
    #expect(SentimentReport.text(LexiconSentimentAnalyser().analyse("")).contains("drivers: none"))
}

@Test func annotationAddsLabelAndScoreColumns() throws {
    let table = CSVTable(header: ["id", "body"], rows: [["1", "great, thanks!"], ["2", "my bag never arrived"], ["3", "what time is it"]])
    let annotated = try SentimentAnnotation.annotate(table, column: "body", file: "t.csv", with: LexiconSentimentAnalyser())
    #expect(annotated.header == ["id", "body", "label", "score"])
    #expect(annotated.rows.map { $0[2] } == ["positive", "negative", "neutral"])
    #expect(annotated.rows.allSatisfy { Double($0[3]) != nil })
    #expect(annotated.rows.map { Array($0.prefix(2)) } == table.rows, "original columns are copied unchanged")
}

@Test func annotationOverwritesExistingLabelColumns() throws {
    let table = CSVTable(header: ["text", "label"], rows: [["awful", "old"]])
    let annotated = try SentimentAnnotation.annotate(table, column: "text", file: "t.csv", with: LexiconSentimentAnalyser())
    #expect(annotated.header == ["text", "label", "score"])
    #expect(annotated.rows[0][1] == "negative")
}

@Test func annotationNeedsTheTextColumn() {
    let table = CSVTable(header: ["body"], rows: [["hi"]])
    #expect(throws: CSVError.self) {
        try SentimentAnnotation.annotate(table, column: "text", file: "t.csv", with: LexiconSentimentAnalyser())
    }
}

@Test func textReportMatchesSnapshot() throws {
    let result = LexiconSentimentAnalyser().analyse("The crew were GREAT but I am still waiting for my bag!!! 😡")
    try expectSnapshot(SentimentReport.text(result) + "\n", named: "sentiment-report.txt")
}
