// RFC 4180 reading and writing for `chatbot sentiment --file`, and file:line errors.
import ChatbotCLI
import Testing

@Test func readsQuotedFieldsWithCommasNewlinesAndQuotes() throws {
    let text = "id,text\r\n1,\"hello, world\"\r\n2,\"two\nlines\"\n3,\"say \"\"hi\"\"\"\n4,\n"
    let table = try CSVTable(text: text, file: "t.csv")
    #expect(table.header == ["id", "text"])
    #expect(table.rows == [["1", "hello, world"], ["2", "two\nlines"], ["3", "say \"hi\""], ["4", ""]])
}

@Test func roundTripsThroughSerialisation() throws {
    let table = CSVTable(header: ["text", "n"], rows: [["a,b", "1"], ["line\nbreak", "2"], ["\"q\"", "3"], ["ünï 😡", ""], [" pad ", "4"]])
    let again = try CSVTable(text: table.serialized(), file: "t.csv")
    #expect(again == table)
}

@Test func skipsABOMAndBlankLinesAndAcceptsAMissingFinalNewline() throws {
    let table = try CSVTable(bytes: [0xEF, 0xBB, 0xBF] + Array("text\n\nhi\n\nyo".utf8), file: "t.csv")
    #expect(table.header == ["text"])
    #expect(table.rows == [["hi"], ["yo"]])
}

@Test func malformedCSVGivesFileAndLine() {
    #expect(throws: CSVError(file: "f.csv", line: 3, reason: "expected 2 fields as in the header, found 3")) {
        try CSVTable(text: "a,b\n1,2\n1,2,3\n", file: "f.csv")
    }
    #expect(throws: CSVError(file: "f.csv", line: 2, reason: "quoted field never closed")) {
        try CSVTable(text: "a\n\"open\nstill open\n", file: "f.csv")
    }
    #expect(throws: CSVError.self) { try CSVTable(text: "a\nab\"c\n", file: "f.csv") }
    #expect(throws: CSVError.self) { try CSVTable(text: "a\n\"ab\"c\n", file: "f.csv") }
    #expect(throws: CSVError(file: "f.csv", line: 1, reason: "no header row")) { try CSVTable(text: "", file: "f.csv") }
}

@Test func lineNumbersCountNewlinesInsideQuotes() {
    #expect(throws: CSVError(file: "f.csv", line: 4, reason: "expected 1 fields as in the header, found 2")) {
        try CSVTable(text: "a\n\"x\ny\"\nz,w\n", file: "f.csv")
    }
}

@Test func invalidUTF8IsRepaired() throws {
    let table = try CSVTable(bytes: Array("text\n".utf8) + [0xFF, 0x61, 0x0A], file: "f.csv")
    #expect(table.rows == [["\u{FFFD}a"]])
}

@Test func missingColumnNamesTheColumnsThereAre() {
    let table = CSVTable(header: ["id", "body"], rows: [])
    #expect(throws: CSVError(file: "f.csv", line: 1, reason: "no column \"text\" (columns: id, body)")) {
        try table.column(named: "text", file: "f.csv")
    }
}
