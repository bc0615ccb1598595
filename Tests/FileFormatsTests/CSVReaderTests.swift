// Tests of CSVReader: RFC 4180 quoting, embedded line breaks, CRLF, BOM, and malformed input
// reported at the line where the record starts.
import FileFormats
import Foundation
import Testing
import TestSupport

@Test func quotedFieldsKeepCommasQuotesAndLineBreaks() throws {
    let text = "text,intent\n\"hello, world\",greeting\n\"she said \"\"hi\"\"\",greeting\n\"line one\nline two\",order_status\nplain,thanks\n"
    let table = try CSVReader.parse(text, file: "a.csv")
    #expect(table.header == ["text", "intent"])
    #expect(table.records.map(\.fields) == [
        ["hello, world", "greeting"], ["she said \"hi\"", "greeting"], ["line one\nline two", "order_status"], ["plain", "thanks"],
    ])
    #expect(table.records.map(\.line) == [2, 3, 4, 6])
}

@Test func crlfBomEmptyFieldsAndMissingFinalNewline() throws {
    let text = "\u{FEFF}Text,Label\r\n\"a\r\nb\",x\r\n,y\r\n\"\",\r\nlast,z"
    let table = try CSVReader.parse(text, file: "b.csv")
    #expect(table.header == ["Text", "Label"])
    #expect(table.column(named: "text") == 0)
    #expect(table.column(named: " LABEL ") == 1)
    #expect(table.column(named: "intent") == nil)
    #expect(table.records.map(\.fields) == [["a\nb", "x"], ["", "y"], ["", ""], ["last", "z"]])
    #expect(table.records.map(\.line) == [2, 4, 5, 6])
}

@Test func blankLinesAreSkippedAndNonASCIIKept() throws {
    let table = try CSVReader.parse("text\n\nÄpfel 🍎\n\n", file: "c.csv")
    #expect(table.records.map(\.fields) == [["Äpfel 🍎"]])
    #expect(table.records[0].line == 3)
    #expect(try CSVReader.parse("", file: "e.csv") == CSVTable(header: [], records: []))
}

@Test func raggedRowsAreReportedWithTheirLines() {
    let text = "text,intent\na,b\n\"multi\nline\",c,extra\nonly\n"
    let found = TestFixtures.problems { _ = try CSVReader.parse(text, file: "r.csv") }
    #expect(found.map(\.description) == ["r.csv:3: record has 3 fields, expected 2 as in the header", "r.csv:5: record has 1 field, expected 2 as in the header"])
}

@Test func mixedLineEndingsAndATrailingEmptyField() throws {
    let table = try CSVReader.parse("id,text\r\n1,\"hello, world\"\r\n2,\"two\nlines\"\n3,\"say \"\"hi\"\"\"\n4,\n", file: "t.csv")
    #expect(table.header == ["id", "text"])
    #expect(table.rows == [["1", "hello, world"], ["2", "two\nlines"], ["3", "say \"hi\""], ["4", ""]])
}

@Test func aBOMBlankLinesAndNoFinalNewlineLeaveOnlyTheRecords() throws {
    let table = try CSVReader.parse("\u{FEFF}text\n\nhi\n\r\n\ryo", file: "t.csv")
    #expect(table.header == ["text"])
    #expect(table.rows == [["hi"], ["yo"]])
    #expect(table.records.map(\.line) == [3, 6])
}

@Test func aQuotedEmptyFieldAloneOnALineIsARecord() throws {
    let table = try CSVReader.parse("text\n\"\"\n\nx\n", file: "t.csv")
    #expect(table.rows == [[""], ["x"]])
    #expect(table.records.map(\.line) == [2, 4])
}

@Test func raggedRowLinesCountLineBreaksInsideQuotes() throws {
    let found = TestFixtures.problems { _ = try CSVReader.parse("a\n\"x\ny\"\nz,w\n", file: "f.csv") }
    #expect(found.map(\.description) == ["f.csv:4: record has 2 fields, expected 1 as in the header"])
    let headerless = TestFixtures.problems { _ = try CSVReader.parse("a\nb,c\n", file: "f.csv", hasHeader: false) }
    #expect(headerless.map(\.description) == ["f.csv:2: record has 2 fields, expected 1 as in the first record"])
    #expect(try CSVReader.parse("a\nb,c\n", file: "f.csv", requireSameFieldCount: false).rows == [["b", "c"]])
}

@Test func quoteErrorsAreReportedAtTheRightLine() {
    let unterminated = TestFixtures.problems { _ = try CSVReader.parse("text,intent\nok,x\n\"never closed,y\nmore\n", file: "u.csv") }
    #expect(unterminated.map(\.description) == ["u.csv:3: quoted field is never closed (missing \")"])
    let afterQuote = TestFixtures.problems { _ = try CSVReader.parse("a,b\n\"x\"y,z\n", file: "q.csv") }
    #expect(afterQuote.first?.line == 2)
    #expect(afterQuote.first?.message.contains("after a closing quote") == true)
    let bare = TestFixtures.problems { _ = try CSVReader.parse("a,b\n1,2\nsay \"hi\",z\n", file: "q.csv") }
    #expect(bare.first?.line == 3)
    #expect(bare.first?.message.contains("quote inside an unquoted field") == true)
    let open = TestFixtures.problems { _ = try CSVReader.parse("a\n\"open\nstill open\n", file: "f.csv") }
    #expect(open.map(\.description) == ["f.csv:2: quoted field is never closed (missing \")"])
}

@Test func otherDelimitersAndHeaderlessFiles() throws {
    let table = try CSVReader.parse("a;b\n\"1;2\";3\n", file: "s.csv", hasHeader: false, delimiter: ";")
    #expect(table.header.isEmpty)
    #expect(table.records.map(\.fields) == [["a", "b"], ["1;2", "3"]])
    #expect(table.records[1][1] == "3")
    #expect(table.records[1][5] == nil)
}

@Test func longFieldsAndInvalidBytes() throws {
    let long = String(repeating: "word, \"quoted\"\n", count: 20_000)
    let table = try CSVReader.parse(CSVWriter.table(header: ["text"], rows: [[long], ["x"]]), file: "l.csv")
    #expect(table.records.map(\.fields) == [[long], ["x"]])
    #expect(table.records[1].line == 20_003)
    let folder = try TestFixtures.folder([:])
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("bad.csv")
    try Data([0x74, 0x65, 0x78, 0x74, 0x0A, 0xFF, 0xFE, 0x0A]).write(to: url)
    let found = TestFixtures.problems { _ = try CSVReader.read(contentsOf: url, displayPath: "bad.csv") }
    #expect(found.map(\.description) == ["bad.csv: the file is not UTF-8 text"])
    let repaired = try CSVReader.read(contentsOf: url, displayPath: "bad.csv", repairingInvalidUTF8: true)
    #expect(repaired.rows == [["\u{FFFD}\u{FFFD}"]])
    let missing = TestFixtures.problems { _ = try CSVReader.read(contentsOf: folder.appendingPathComponent("none.csv"), displayPath: "none.csv") }
    #expect(missing.map(\.description) == ["none.csv: cannot read the file"])
}
