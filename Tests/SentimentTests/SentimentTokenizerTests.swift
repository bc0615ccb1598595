// How messages split into words, emoticons, emoji and clause punctuation.
import Sentiment
import Testing

private let tokenizer = SentimentTokenizer(lexicon: .standard)

private func texts(_ message: String) -> [String] { tokenizer.tokens(message).map(\.text) }

@Test func keepsApostrophesAndCanonicalisesContractions() {
    let tokens = tokenizer.tokens("It didn’t work, dont ask")
    #expect(tokens.map(\.norm) == ["it", "didn't", "work", ",", "don't", "ask"])
}

@Test func splitsGluedEmoticonsAndEmoji() {
    #expect(texts("thanks:)") == ["thanks", ":)"])
    #expect(texts("late again :(!!") == ["late", "again", ":(", "!", "!"])
    #expect(texts("great😍😍") == ["great", "😍", "😍"])
    #expect(texts(">:(") == [">:("])
    #expect(texts("AND: yes") == ["AND", ":", "yes"], "a letter-initial emoticon is not split off a word")
}

@Test func dropsMentionsAndURLsButKeepsHashtagWords() {
    #expect(texts("@united see https://x.co/a #fail") == ["see", "fail"])
}

@Test func marksCapitalsAndStretchedWords() {
    let tokens = tokenizer.tokens("SO sooo good A")
    #expect(tokens.map(\.isCaps) == [true, false, false, false], "one capital letter is not caps")
    #expect(tokens[1].isElongated && tokens[1].norm == "so")
    #expect(!tokens[2].isElongated && tokens[2].norm == "good")
}

@Test func controlCharactersSeparateWords() {
    #expect(texts("bad\u{0}\u{7}day\u{1B}") == ["bad", "day"])
    #expect(texts("") == [])
}

@Test func emojiSequencesStayWhole() {
    #expect(texts("👨‍👩‍👧 🤦🏽‍♀️") == ["👨‍👩‍👧", "🤦🏽‍♀️"])
}
