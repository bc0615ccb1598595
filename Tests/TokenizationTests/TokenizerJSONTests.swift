// Known answers against Python `tokenizers`, both directions: a file HF trained gives HF's ids
// here, and the file we trained gives here the ids HF computed from it.
import Foundation
import Testing
import Tokenization

@Test func huggingFaceTrainedFileGivesHuggingFaceIds() throws {
    let tokenizer = try Fixtures.tokenizer("hf-trained.json")
    let expected = try #require(Fixtures.json("hf-trained-ids.json", as: [[Int]].self))
    for (text, ids) in zip(Fixtures.texts, expected) {
        #expect(tokenizer.encode(text) == ids, "\(text.debugDescription)")
    }
    #expect(expected.count == Fixtures.texts.count)
}

@Test func ourFileGivesTheIdsHuggingFaceComputesFromIt() throws {
    let tokenizer = try Fixtures.tokenizer("ours-trained.json")
    let expected = try #require(Fixtures.json("ours-trained-ids.json", as: [[Int]].self))
    let decoded = try #require(Fixtures.json("ours-trained-decoded.json", as: [String].self))
    for (index, text) in Fixtures.texts.enumerated() {
        let ids = tokenizer.encode(text)
        #expect(ids == expected[index], "\(text.debugDescription)")
        #expect(Array(tokenizer.decode(ids).text.utf8) == Array(decoded[index].utf8))
    }
}

@Test func trainingIsDeterministicAndReproducesTheCommittedFile() throws {
    let committed = try #require(Fixtures.url("ours-trained.json"))
    let text = try String(contentsOf: committed, encoding: .utf8)
    #expect(try Fixtures.trainedTokenizer().huggingFaceJSON() == text)
}

@Test func savedFileLoadsBackWithTheSameBehaviour() throws {
    let tokenizer = try Fixtures.trainedTokenizer(normalizer: TextNormalizer(lowercase: true))
        .adding(["<intent:card_arrival>", "<intent:refund>"])
    let reloaded = try Tokenizer(huggingFaceJSON: Data(tokenizer.huggingFaceJSON().utf8))
    #expect(reloaded.normalizer == tokenizer.normalizer)
    #expect(reloaded.addedTokens == tokenizer.addedTokens)
    #expect(reloaded.vocabularySize == tokenizer.vocabularySize)
    for text in Fixtures.texts + ["<intent:refund> Please REFUND {amount}"] {
        #expect(reloaded.encode(text) == tokenizer.encode(text))
    }
}

@Test func malformedFilesAreErrorsNotCrashes() {
    for json in ["", "[]", "{}", #"{"model": {"type": "WordPiece"}}"#,
                 #"{"model": {"vocab": {"a": 0}, "merges": [["a", "b"]]}, "pre_tokenizer": {"type": "ByteLevel"}}"#] {
        #expect(throws: TokenizationError.self) { try Tokenizer(huggingFaceJSON: Data(json.utf8)) }
    }
    #expect(throws: TokenizationError.self) { try Tokenizer(contentsOfFile: "/nonexistent/tokenizer.json") }
}

/// Found by the `tokenizer-json` fuzz target: a negative added-token id indexed the vocabulary and trapped.
@Test func anAddedTokenWithANegativeIdIsAnErrorNotACrash() {
    let json = #"{"model": {"type": "BPE", "vocab": {"a": 0}, "merges": []}, "pre_tokenizer": {"type": "ByteLevel"}, "#
        + #""added_tokens": [{"id": -7, "content": "", "special": true}]}"#
    do {
        _ = try Tokenizer(huggingFaceJSON: Data(json.utf8))
        Issue.record("a tokenizer with added token id -7 loaded")
    } catch {
        #expect("\(error)".contains("added_tokens[0].id: -7 is out of range"), "\(error)")
    }
}

@Test func tokensHuggingFaceAddedAfterTrainingGetTheSameIds() throws {
    let tokenizer = try Fixtures.tokenizer("ours-plus-intents.json")
    let texts = try #require(Fixtures.json("ours-plus-intents-texts.json", as: [String].self))
    let expected = try #require(Fixtures.json("ours-plus-intents-ids.json", as: [[Int]].self))
    #expect(tokenizer.id(of: "<intent:refund>") == tokenizer.vocabularySize - 1)
    for (text, ids) in zip(texts, expected) { #expect(tokenizer.encode(text) == ids, "\(text.debugDescription)") }
}
