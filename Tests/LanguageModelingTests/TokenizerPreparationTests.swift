// Tokenizer preparation: placeholders found in replies, a vocabulary sized to the corpus, and
// control, intent and placeholder tokens that encode as single ids.
import LanguageModeling
import Testing
import Tokenization

@Test func placeholdersAreFoundOnlyWhenWellFormed() {
    let found = TokenizerPreparation.placeholders(in: [
        "Order {order_id} ships to {name}.", "{order_id} again", "not {a slot}", "empty {}", "open {brace", "é {café_1}",
    ])
    #expect(found == ["{café_1}", "{name}", "{order_id}"])
    #expect(TokenizerPreparation.placeholders(in: [""]).isEmpty)
}

@Test func theVocabularyIsCappedBySmallCorpora() {
    let tiny = TokenizerPreparation.vocabularySize(corpus: Fixtures.examples.map(\.text), addedTokenCount: 12, maximum: 8_000)
    #expect(tiny < 700)
    let large = (0..<20_000).map { "word\($0) and some other text number \($0 % 977)" }
    #expect(TokenizerPreparation.vocabularySize(corpus: large, addedTokenCount: 12, maximum: 4_000) == 4_000)
}

@Test func controlIntentAndPlaceholderTokensEncodeWhole() throws {
    let labels = LabelSet(examples: Fixtures.examples)
    let tokenizer = try TokenizerPreparation.train(on: Fixtures.examples, labels: labels, maxVocabularySize: 4_000)
    for content in SpecialTokens.control + labels.intents.map(SpecialTokens.intent) + ["{order_id}"] {
        let id = try #require(tokenizer.id(of: content), "\(content) missing")
        #expect(tokenizer.encode(content) == [id])
    }
    #expect(tokenizer.vocabularySize < 1_000)
    #expect(tokenizer.decode(tokenizer.encode("Order {order_id} 🚚 ü")).text == "Order {order_id} 🚚 ü")
}
