// Tests of LabelledDataReader: column detection in CSV headers, JSON Lines records, and
// file:line errors for bad rows.
import FileFormats
import Foundation
import Testing
import TestSupport

@Test func csvLabelColumnIsDetectedFromTheHeader() throws {
    for name in ["intent", "category", "Label"] {
        let examples = try LabelledDataReader.parseCSV("id,\(name),text\n1,greeting,hello\n2,thanks,\"thx, mate\"\n", file: "d.csv")
        #expect(examples.map(\.label) == ["greeting", "thanks"])
        #expect(examples.map(\.text) == ["hello", "thx, mate"])
        #expect(examples[1].location == SourceLocation(file: "d.csv", line: 3))
    }
    let named = try LabelledDataReader.parseCSV("utterance,sentiment\ngreat,positive\n", file: "s.csv",
                                                textColumn: "utterance", labelColumn: "sentiment")
    #expect(named == [LabelledExample(text: "great", label: "positive", location: SourceLocation(file: "s.csv", line: 2))])
}

@Test func csvWithoutTheColumnsOrWithEmptyCellsIsRejected() {
    let noLabel = TestFixtures.problems { _ = try LabelledDataReader.parseCSV("text,topic\nhi,x\n", file: "n.csv") }
    #expect(noLabel.map(\.description) == ["n.csv:1: no label column (intent, category, label) in the header (text,topic)"])
    let noText = TestFixtures.problems { _ = try LabelledDataReader.parseCSV("message,intent\nhi,x\n", file: "n.csv") }
    #expect(noText.first?.message.hasPrefix("no text column \"text\"") == true)
    let empty = TestFixtures.problems { _ = try LabelledDataReader.parseCSV("text,intent\nhi,\n  ,x\nok,y\n", file: "e.csv") }
    #expect(empty.map(\.description) == ["e.csv:2: empty label", "e.csv:3: empty text"])
}

@Test func jsonLinesAreReadWithLineNumbersAndErrors() throws {
    let good = "{\"text\": \"hi\", \"intent\": \"greeting\"}\r\n\n{\"text\": \"where\", \"category\": \"order_status\", \"id\": 3}\n"
    let examples = try LabelledDataReader.parseJSONLines(good, file: "d.jsonl")
    #expect(examples.map(\.label) == ["greeting", "order_status"])
    #expect(examples.map(\.location.line) == [1, 3])
    let bad = "{\"text\": \"hi\", \"intent\": \"greeting\"}\n{oops\n[1,2]\n{\"text\": 5, \"intent\": \"x\"}\n{\"text\": \"a\"}\n"
    let found = TestFixtures.problems { _ = try LabelledDataReader.parseJSONLines(bad, file: "b.jsonl") }
    #expect(found.map(\.description) == [
        "b.jsonl:2: line is not valid JSON", "b.jsonl:3: line is not a JSON object",
        "b.jsonl:4: missing string key \"text\"", "b.jsonl:5: missing string label key (intent, category, label)",
    ])
}

@Test func readPicksTheFormatFromTheExtension() throws {
    let folder = try TestFixtures.folder([
        "a.csv": "text,intent\nhello,greeting\n", "b.jsonl": "{\"text\":\"bye\",\"intent\":\"goodbye\"}\n",
    ])
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try LabelledDataReader.read(contentsOf: folder.appendingPathComponent("a.csv")).map(\.label) == ["greeting"])
    #expect(try LabelledDataReader.read(contentsOf: folder.appendingPathComponent("b.jsonl"), displayPath: "b.jsonl")
        .first?.location == SourceLocation(file: "b.jsonl", line: 1))
    let missing = TestFixtures.problems { _ = try LabelledDataReader.read(contentsOf: folder.appendingPathComponent("c.csv"), displayPath: "c.csv") }
    #expect(missing.map(\.description) == ["c.csv: cannot read the file"])
}

@Test func theDemoTestSetIsHeldOutAndCoversEveryIntent() throws {
    let url = TestFixtures.repositoryRoot.appendingPathComponent("intents-test/demo-test.csv")
    let rows = try LabelledDataReader.read(contentsOf: url, displayPath: "intents-test/demo-test.csv")
    let catalog = try IntentCatalog.load(from: TestFixtures.repositoryRoot.appendingPathComponent("intents"))
    let training = Set(catalog.intents.flatMap { $0.examples.map { IntentCatalog.normalisedExample($0.text) } })
    #expect(rows.filter { training.contains(IntentCatalog.normalisedExample($0.text)) }.map(\.text) == [],
            "no test message is a training example")
    let counts = Dictionary(grouping: rows, by: \.label).mapValues(\.count)
    #expect(Set(counts.keys) == Set(catalog.intents.map(\.name) + ["oos"]))
    #expect(catalog.intents.allSatisfy { (3...5).contains(counts[$0.name] ?? 0) })
}

@Test func aReplyColumnOrKeyGivesEachRowItsReplyWithSingleBracedSlots() throws {
    let csv = "id,intent,text,reply\n1,cancel_order,cancel 4821,\"Order {{Order Number}} is cancelled.\n\n1. Log in.\"\n2,greeting,hi,\n"
    let rows = try LabelledDataReader.parseCSV(csv, file: "r.csv")
    #expect(rows.map(\.reply) == ["Order {order_number} is cancelled.\n\n1. Log in.", nil])
    #expect(rows.map(\.location.line) == [2, 5])
    let jsonl = "{\"text\": \"hi\", \"intent\": \"greeting\", \"reply\": \"Hello from {{Shop}}!\"}\n{\"text\": \"yo\", \"intent\": \"greeting\", \"reply\": null}\n"
    #expect(try LabelledDataReader.parseJSONLines(jsonl, file: "r.jsonl").map(\.reply) == ["Hello from {shop}!", nil])
    let bad = TestFixtures.problems {
        _ = try LabelledDataReader.parseJSONLines("{\"text\": \"hi\", \"intent\": \"greeting\", \"reply\": 3}\n", file: "b.jsonl")
    }
    #expect(bad.map(\.description) == ["b.jsonl:1: \"reply\" is not a string"])
}
