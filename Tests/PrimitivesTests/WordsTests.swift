// The word splitter with each of its word-character options, on the usual string edge cases.
import Primitives
import Testing

@Test func wordsAreLowerCasedRunsOfTheChosenCharacters() {
    #expect(Words.split("Where's MY order 4821?") == ["where", "s", "my", "order", "4821"])
    #expect(Words.split("Where's MY order?", keeping: Words.lettersAndApostrophes) == ["where's", "my", "order"])
    #expect(Words.split(" a\tb\nc-d ", keeping: Words.nonWhitespace) == ["a", "b", "c-d"])
}

@Test(arguments: ["", "x", "Ünïcödé straße", "👋🏽 hi 😀", "\u{FFFD}\u{FFFD}", String(repeating: "word ", count: 10_000)])
func edgeCasesSplitWithoutLosingLetters(_ text: String) {
    let words = Words.split(text)
    #expect(words.joined().count == text.lowercased().filter { $0.isLetter || $0.isNumber }.count)
}
