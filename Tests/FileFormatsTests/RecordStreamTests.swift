// The streamed CSV and JSON Lines readers: the same records as the whole-file readers, also when
// a chunk boundary falls inside a quoted field or a multi-byte character.
import FileFormats
import Foundation
import Testing
import TestSupport

@Test func csvStreamMatchesTheWholeFileReaderAcrossTinyChunks() throws {
    let text = "\u{FEFF}id,body\r\n1,\"Grüße, \"\"quoted\"\"\r\nsecond line\"\r\n\r\n2,plain 😀 text\n3,\"bad\"x\n4,too,many\n"
    let folder = try TestFixtures.folder(["t.csv": text])
    defer { try? FileManager.default.removeItem(at: folder) }
    for chunkSize in [4, 5, 7, 64] {
        let stream = try CSVRecordStream(contentsOf: folder.appendingPathComponent("t.csv"), displayPath: "t.csv", chunkSize: chunkSize)
        #expect(stream.header == ["id", "body"])
        var records: [CSVStreamRecord] = []
        while let record = stream.next() { records.append(record) }
        #expect(records.map(\.line) == [2, 5, 6, 7])
        #expect(records[0].fields == ["1", "Grüße, \"quoted\"\nsecond line"] && records[0].problems.isEmpty)
        #expect(records[1].fields == ["2", "plain 😀 text"] && records[1].problems.isEmpty)
        #expect(records[2].problems.first?.contains("after a closing quote") == true)
        #expect(records[3].problems == ["record has 3 fields, expected 2 as in the header"])
    }
}

@Test func jsonLinesStreamGivesLinesOffsetsAndProblems() throws {
    let text = "\u{FEFF}{\"a\":\"é\"}\r\n\nnot json\n[1]\n{\"b\":2}"
    let folder = try TestFixtures.folder(["t.jsonl": text])
    defer { try? FileManager.default.removeItem(at: folder) }
    for chunkSize in [4, 1 << 20] {
        let stream = try JSONLinesStream(contentsOf: folder.appendingPathComponent("t.jsonl"), chunkSize: chunkSize)
        var items: [JSONLinesStreamItem] = []
        while let item = try stream.next() { items.append(item) }
        #expect(items.map(\.line) == [1, 3, 4, 5])
        #expect(items.map(\.byteOffset) == [0, 16, 25, 29])
        #expect(items[0].object?["a"] as? String == "é")
        #expect(items[1].problem == "line is not valid JSON" && items[2].problem == "line is not a JSON object")
        #expect(items[3].object?["b"] as? Int == 2)
    }
}

@Test func aMissingFileIsAnIOError() {
    #expect(throws: FileFormatError.self) { try CSVRecordStream(contentsOf: URL(fileURLWithPath: "/nonexistent/x.csv")) }
}
