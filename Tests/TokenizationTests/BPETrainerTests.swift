// Training reaches the target size, respects the minimum pair frequency, puts added tokens
// first, and learns the obvious merges of a tiny corpus.
import Testing
import Tokenization

@Test func trainingStopsAtTheTargetSizeWithAddedTokensFirst() throws {
    var configuration = BPETrainer.Configuration()
    configuration.vocabularySize = 300
    let texts = (0..<50).map { "order number \($0) for customer number \($0 * 7)" }
    let tokenizer = try BPETrainer(configuration: configuration).train(texts: texts)
    #expect(tokenizer.vocabularySize == 300)
    #expect(tokenizer.addedTokens.map(\.content) == SpecialTokens.control + SpecialTokens.placeholders)
    #expect(tokenizer.addedTokens.map(\.id) == Array(0..<tokenizer.addedTokens.count))
    #expect(tokenizer.encode(" number").count == 1)
}

@Test func pairsBelowTheMinimumFrequencyAreNeverMerged() throws {
    var configuration = BPETrainer.Configuration()
    configuration.minimumPairFrequency = 3
    let tokenizer = try BPETrainer(configuration: configuration).train(texts: ["ab ab", "cd", "cd"])
    #expect(tokenizer.model.merges.isEmpty)
    configuration.minimumPairFrequency = 2
    let merged = try BPETrainer(configuration: configuration).train(texts: ["ab ab", "cd", "cd"])
    #expect(merged.encode("cd").count == 1)
}

@Test func trainingOnEmptyOrTinyInputDoesNotFail() throws {
    let empty = try BPETrainer().train(texts: [])
    #expect(empty.model.merges.isEmpty && empty.decode(empty.encode("héllo 🙂")).text == "héllo 🙂")
    var configuration = BPETrainer.Configuration()
    configuration.vocabularySize = 10
    #expect(throws: TokenizationError.self) { try BPETrainer(configuration: configuration).train(texts: ["x"]) }
}
