// Tests of CSVWriter: quoting rules and a round trip through CSVReader.
import FileFormats
import Testing

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
    let rows = [["hello, world", "greeting"], ["\"quoted\"", "x"], ["multi\nline", ""], ["émoji 😀", " y "],
                ["ünï 😡", ""], [" pad ", "4"], ["\ttab", "x"], ["", ""]]
    let text = CSVWriter.table(header: ["text", "intent"], rows: rows, lineEnding: "\r\n")
    let table = try CSVReader.parse(text, file: "w.csv")
    #expect(table.header == ["text", "intent"])
    #expect(table.records.map(\.fields) == rows)
}

@Test func aTableFromRowsWritesAndReadsBack() throws {
    let table = CSVTable(header: ["text", "n"], rows: [["a,b", "1"], ["line\nbreak", "2"], ["\"q\"", "3"]])
    #expect(table.records.map(\.line) == [2, 3, 4])
    let again = try CSVReader.parse(CSVWriter.table(header: table.header, rows: table.rows), file: "t.csv")
    #expect(again.header == table.header)
    #expect(again.rows == table.rows)
    #expect(again.records.map(\.line) == [2, 3, 5])
}
