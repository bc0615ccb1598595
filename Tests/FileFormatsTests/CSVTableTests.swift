// Tests of CSVTable: column look-up by name, and the file:line error for a missing column.
import FileFormats
import Testing
import TestSupport

@Test func columnsAreFoundIgnoringCaseAndSpaces() {
    let table = CSVTable(header: ["id", " Body "], rows: [["1", "hi"]])
    #expect(table.column(named: "body") == 1)
    #expect(table.column(named: "ID") == 0)
    #expect(table.column(named: "text") == nil)
    #expect(table.rows == [["1", "hi"]])
}

@Test func aMissingColumnNamesTheColumnsThereAre() throws {
    let table = CSVTable(header: ["id", "body"], rows: [])
    #expect(try table.requiredColumn(named: "BODY", file: "f.csv") == 1)
    let missing = TestFixtures.problems { _ = try table.requiredColumn(named: "text", file: "f.csv") }
    #expect(missing.map(\.description) == ["f.csv:1: no column \"text\" (columns: id, body)"])
}

@Test func anEmptyFileHasNoHeaderRow() throws {
    let empty = try CSVReader.parse("", file: "f.csv")
    let found = TestFixtures.problems { _ = try empty.requiredColumn(named: "text", file: "f.csv") }
    #expect(found.map(\.description) == ["f.csv:1: no header row"])
}
