// `chatbot sentiment`: help snapshot, argument validation, the report and CSV annotation with
// the lexicon; the model-backed analysers are in SentimentModelCommandTests.
import ArgumentParser
import ChatbotCLI
import FileFormats
import Foundation
import Sentiment
import Testing

@Test func sentimentHelpMatchesSnapshot() throws {
    let command = try ChatbotCommand.parseAsRoot(["sentiment", "x"])
    try expectSnapshot(ChatbotCommand.helpMessage(for: type(of: command), columns: 100), named: "sentiment-help.txt")
}

@Test func needsATextOrAFileButNotBothAndTheSourceFlagsMustAgree() {
    #expect(parseErrorMessage(["sentiment"]) == "Give either a text or --file F.csv.")
    #expect(parseErrorMessage(["sentiment", "hi", "--file", "f.csv"]) == "Give either a text or --file F.csv.")
    #expect(parseErrorMessage(["sentiment", "hi", "-o", "out.csv"]) == "-o/--output needs --file.")
    #expect(parseErrorMessage(["sentiment", "--lexicon-only", "--file", "f.csv", "-o", "o.csv", "--column", "body"]) == nil)
    #expect(parseErrorMessage(["sentiment", "--lexicon-only", "--head-only", "hi"])
        == "--lexicon-only uses no model: drop --model and --head-only.")
    #expect(parseErrorMessage(["sentiment", "--lexicon-only", "--model", "m", "hi"])
        == "--lexicon-only uses no model: drop --model and --head-only.")
    #expect(parseErrorMessage(["sentiment", "--model", "m", "--head-only", "hi"]) == nil)
    #expect(parseErrorMessage(["sentiment", "--json", "--file", "f.csv"]) == "--json prints one text's result; --file writes CSV.")
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
    let error = #expect(throws: FileFormatError.self) {
        try SentimentAnnotation.annotate(table, column: "text", file: "t.csv", with: LexiconSentimentAnalyser())
    }
    #expect(error?.description == "t.csv:1: no column \"text\" (columns: body)")
}

/// What `chatbot sentiment --file` prints (`Error: file:line: …`) for `csv` written to a file named `name`.
private func sentimentFileError(_ csv: [UInt8], name: String = "in.csv") throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chatbot-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent(name).path
    try Data(csv).write(to: URL(fileURLWithPath: path))
    var command = try ChatbotCommand.parseAsRoot(["sentiment", "--lexicon-only", "--file", path, "-o", folder.appendingPathComponent("out.csv").path])
    do {
        try command.run()
        return ""
    } catch {
        return ChatbotCommand.fullMessage(for: error).replacingOccurrences(of: folder.path + "/", with: "")
    }
}

@Test func fileErrorsNameTheFileAndLine() throws {
    #expect(try sentimentFileError(Array("a,b\n1,2\n1,2,3\n".utf8)) == "Error: in.csv:3: record has 3 fields, expected 2 as in the header")
    #expect(try sentimentFileError(Array("text\n\"open\nstill open\n".utf8)) == "Error: in.csv:2: quoted field is never closed (missing \")")
    #expect(try sentimentFileError(Array("text\nab\"c\n".utf8)).hasPrefix("Error: in.csv:2: quote inside an unquoted field"))
    #expect(try sentimentFileError(Array("text\n\"ab\"c\n".utf8)).hasPrefix("Error: in.csv:2: unexpected text after a closing quote"))
    #expect(try sentimentFileError([]) == "Error: in.csv:1: no header row")
    #expect(try sentimentFileError(Array("id,body\n1,hi\n".utf8)) == "Error: in.csv:1: no column \"text\" (columns: id, body)")
}

@Test func fileAnnotationCopiesRowsAndRepairsInvalidUTF8() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chatbot-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("in.csv"), output = folder.appendingPathComponent("out.csv")
    try Data([0xEF, 0xBB, 0xBF] + Array("id,text\r\n1,\"great, thanks!\"\r\n\r\n2,".utf8) + [0xFF] + Array(" awful\n".utf8)).write(to: input)
    var command = try ChatbotCommand.parseAsRoot(["sentiment", "--lexicon-only", "--file", input.path, "-o", output.path])
    try command.run()
    let table = try CSVReader.parse(String(decoding: try Data(contentsOf: output), as: UTF8.self), file: "out.csv")
    #expect(table.header == ["id", "text", "label", "score"])
    #expect(table.rows.map { Array($0.prefix(3)) } == [["1", "great, thanks!", "positive"], ["2", "\u{FFFD} awful", "negative"]])
}

@Test func textReportMatchesSnapshot() throws {
    let result = LexiconSentimentAnalyser().analyse("The crew were GREAT but I am still waiting for my bag!!! 😡")
    try expectSnapshot(SentimentReport.text(result, analyser: "lexicon") + "\n", named: "sentiment-report.txt")
}
