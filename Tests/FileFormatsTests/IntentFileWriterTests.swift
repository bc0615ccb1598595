// IntentFileWriter: YAML double-quoting of awkward strings, read back by the intents loader as written.
import FileFormats
import Foundation
import Testing
import TestSupport

@Test func quotedExamplesReadBackUnchangedThroughTheLoader() throws {
    let texts = ["x", "été", "🎁👍🏽", "say \"hi\" # not a comment", "a\\b", "line\nbreak\ttab", "odd\u{2028}\u{85}\u{1}\u{7F}breaks",
                 "key: value", "- dash", String(repeating: "long text ", count: 500)]
    let yaml = IntentFileWriter.yaml(name: "awkward", description: "Awkward: \"texts\".", examples: texts, responses: ["Fine."],
                                     comments: ["made by a test"])
    let folder = try TestFixtures.folder(["awkward.yaml": yaml])
    defer { try? FileManager.default.removeItem(at: folder) }
    let intent = try #require(try IntentCatalog.load(from: folder).intents.first)
    #expect(intent.examples.map(\.text) == texts)
    #expect(intent.description == "Awkward: \"texts\".")
    #expect(IntentFileWriter.quoted("") == "\"\"")
    #expect(IntentFileWriter.quoted("a\"b") == #""a\"b""#)
}

@Test func anIntentFileHasTheDocumentedKeysInOrder() {
    let yaml = IntentFileWriter.yaml(name: "n", description: "d", examples: ["e1", "e2"], responses: ["r"], comments: ["one", "two\nlines"])
    #expect(yaml == "# one\n# two lines\nname: \"n\"\ndescription: \"d\"\nexamples:\n  - \"e1\"\n  - \"e2\"\nresponses:\n  - \"r\"\n")
}
