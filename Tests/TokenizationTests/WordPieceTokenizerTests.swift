// WordPiece against Hugging Face `tokenizers`: the ids and type ids of two tiny committed
// tokenizer.json files and of all-MiniLM-L6-v2's (when present; required under CI=true), all made
// by scripts/fixtures/wordpiece_fixtures.py; plus the parts on their own and bad files.
import Foundation
import TestSupport
import Testing
import Tokenization

private struct ExpectedEncoding: Decodable {
    var ids: [Int32]
    var type_ids: [Int32]
}

private struct TinyFixtures: Decodable {
    var texts: [String]
    var uncased: [ExpectedEncoding]
    var cased: [ExpectedEncoding]
}

private struct MiniLMFixtures: Decodable {
    var texts: [String]
    var encodings: [ExpectedEncoding]
}

private func tokenizer(_ name: String) throws -> WordPieceTokenizer {
    guard let url = Fixtures.url(name) else { throw TokenizationError("missing fixture \(name)") }
    return try WordPieceTokenizer(contentsOfFile: url.path)
}

private func expectSameIDs(_ tokenizer: WordPieceTokenizer, _ texts: [String], _ expected: [ExpectedEncoding]) {
    #expect(texts.count == expected.count)
    for (text, want) in zip(texts, expected) {
        let got = tokenizer.encode(text)
        #expect(got.ids == want.ids, "ids of \(text.debugDescription)")
        #expect(got.typeIDs == want.type_ids, "type ids of \(text.debugDescription)")
    }
}

@Test func uncasedTinyTokenizerGivesHuggingFaceIDs() throws {
    let fixtures = try #require(Fixtures.json("wordpiece-ids.json", as: TinyFixtures.self))
    #expect(fixtures.texts.count > 40)
    expectSameIDs(try tokenizer("wordpiece-uncased.json"), fixtures.texts, fixtures.uncased)
}

@Test func casedTinyTokenizerGivesHuggingFaceIDs() throws {
    let fixtures = try #require(Fixtures.json("wordpiece-ids.json", as: TinyFixtures.self))
    expectSameIDs(try tokenizer("wordpiece-cased.json"), fixtures.texts, fixtures.cased)
}

@Test(.enabled(if: ReferenceEncoder.isEnabled))
func miniLMTokenizerGivesHuggingFaceIDs() throws {
    let fixtures = try #require(Fixtures.json("minilm-wordpiece-ids.json", as: MiniLMFixtures.self))
    let path = ReferenceEncoder.folder.appendingPathComponent("tokenizer.json").path
    let minilm = try WordPieceTokenizer(contentsOfFile: path)
    #expect(minilm.vocabularySize == 30522)
    #expect(minilm.maxLength == 128)
    expectSameIDs(minilm, fixtures.texts, fixtures.encodings)
}

@Test func templateWrapsTheTextAndTruncationKeepsIt() throws {
    let uncased = try tokenizer("wordpiece-uncased.json")
    let cls = try #require(uncased.model.id(of: "[CLS]")), sep = try #require(uncased.model.id(of: "[SEP]"))
    #expect(uncased.encode("").ids == [cls, sep])
    let long = uncased.encode(String(repeating: "hello ", count: 40))
    #expect(long.ids.count == 16)
    #expect(long.ids.first == cls && long.ids.last == sep)
    #expect(uncased.truncating(to: 5).encode("hello world where is my").ids.count == 5)
    #expect(uncased.truncating(to: 500).maxLength == 16)
}

@Test func wordPieceSplitsGreedilyAndGivesUnknownWholeWords() throws {
    let model = try WordPieceModel(tokens: ["[UNK]", "un", "##aff", "##able", "a", "##b"], unknownToken: "[UNK]",
                                   maxCharactersPerWord: 6)
    var out: [Int32] = []
    model.encode(word: Array("unaffable".utf8), into: &out)
    #expect(out == [0])  // 9 characters > 6
    out = []
    model.encode(word: Array("unable".utf8), into: &out)
    #expect(out == [1, 3])
    out = []
    model.encode(word: Array("abx".utf8), into: &out)
    #expect(out == [0])  // "x" matches nothing, so the whole word is unknown
}

@Test func normaliserAndPreTokenizerFollowBert() {
    let normalizer = BertNormalizer()
    #expect(normalizer.normalize("Café\tNAÏVE\u{0}") == "cafe naive")
    #expect(normalizer.normalize("我的") == " 我  的 ")
    #expect(BertNormalizer(lowercase: false).normalize("Café") == "Café")
    #expect(BertNormalizer(stripAccents: true, lowercase: false).normalize("Café") == "Cafe")
    #expect(BertPreTokenizer.words("don't stop, ok?").map { String(decoding: $0, as: UTF8.self) }
            == ["don", "'", "t", "stop", ",", "ok", "?"])
    #expect(BertPreTokenizer.words("").isEmpty)
    #expect(BertPreTokenizer.words("¿qué？").map { String(decoding: $0, as: UTF8.self) } == ["¿", "qué", "？"])
}

@Test func badTokenizerFilesNameTheProblem() {
    func message(_ json: String) -> String {
        do {
            _ = try WordPieceTokenizer(huggingFaceJSON: Data(json.utf8))
            return "no error"
        } catch {
            return error.message
        }
    }
    #expect(message("[]") == "not a JSON object")
    #expect(message(#"{"model": {"type": "BPE"}}"#).hasPrefix("model.type: BPE"))
    #expect(message(#"{"model": {"type": "WordPiece", "vocab": {"a": 0}, "unk_token": "[UNK]"}}"#)
            .hasPrefix("model.unk_token"))
    #expect(message(#"{"model": {"type": "WordPiece", "vocab": {"a": 0, "b": 5}}}"#).hasPrefix("model.vocab"))
    #expect(message(#"{"model": {"type": "WordPiece", "vocab": {"[UNK]": 0}}, "pre_tokenizer": {"type": "Whitespace"}}"#)
            .hasPrefix("pre_tokenizer"))
    #expect(message(#"{"model": {"type": "WordPiece", "vocab": {"[UNK]": 0}}, "normalizer": {"type": "NFC"}}"#)
            .hasPrefix("normalizer.type"))
    do {
        _ = try WordPieceTokenizer(contentsOfFile: "/nonexistent/tokenizer.json")
        Issue.record("no error for a missing file")
    } catch {
        #expect(error.file == "/nonexistent/tokenizer.json")
    }
}
