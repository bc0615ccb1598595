// Tests of CSVWriter: quoting rules and a round trip through CSVReader.
import Testing
import Chatbot

@Test func fieldsAreQuotedOnlyWhenNeeded() {
    #expect(CSVWriter.field("plain") == "plain")
    #expect(CSVWriter.field("a,b") == "\"a,b\"")
    #expect(CSVWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(CSVWriter.field("two\nlines") == "\"two\nlines\"")
    #expect(CSVWriter.field(" padded") == "\" padded\"")
    #expect(CSVWriter.field("") == "")
    #expect(CSVWriter.record(["a", "b;c"], delimiter: ";") == "a;\"b;c\"")
}

@Test func writtenTablesReadBackUnchanged() throws {
    let rows = [["hello, world", "greeting"], ["\"quoted\"", "x"], ["multi\nline", ""], ["émoji 😀", " y "]]
    let text = CSVWriter.table(header: ["text", "intent"], rows: rows, lineEnding: "\r\n")
    let table = try CSVReader.parse(text, file: "w.csv")
    #expect(table.header == ["text", "intent"])
    #expect(table.records.map(\.fields) == rows)
}
