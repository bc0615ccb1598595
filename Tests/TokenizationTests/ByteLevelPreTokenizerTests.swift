// The scanner reproduces HF's ByteLevel regex split on every fixture text, and isolates CJK
// ideographs when asked.
import Testing
import Tokenization

@Test func preTokensMatchHuggingFaceByteLevelOnEveryFixtureText() throws {
    let texts = Fixtures.texts
    let expected = try #require(Fixtures.json("pretokenized.json", as: [[String]].self))
    #expect(texts.count == expected.count && texts.count > 30)
    let scanner = ByteLevelPreTokenizer(splitIdeographs: false)
    for (text, pieces) in zip(texts, expected) {
        let ours = scanner.pieces(of: text).map { ByteLevelAlphabet.string(for: $0.utf8) }
        #expect(ours == pieces, "\(text.debugDescription)")
    }
}

@Test func ideographsBecomeOnePreTokenEachWhenSplitting() {
    let scanner = ByteLevelPreTokenizer(splitIdeographs: true)
    #expect(scanner.pieces(of: "我的订单 ok") == ["我", "的", "订", "单", " ok"])
    #expect(scanner.pieces(of: "mixed中文and") == ["mixed", "中", "文", "and"])
    #expect(scanner.pieces(of: "a  中") == ["a", "  ", "中"])
    #expect(ByteLevelPreTokenizer(splitIdeographs: false).pieces(of: "我的订单 ok") == ["我的订单", " ok"])
}

@Test func whitespaceRunsLeaveTheirLastSpaceToTheNextWord() {
    let scanner = ByteLevelPreTokenizer()
    #expect(scanner.pieces(of: "a   b") == ["a", "  ", " b"])
    #expect(scanner.pieces(of: "a \n b") == ["a", " \n", " b"])
    #expect(scanner.pieces(of: "end   ") == ["end", "   "])
    #expect(scanner.pieces(of: "don't we'll") == ["don", "'t", " we", "'ll"])
    #expect(scanner.pieces(of: "") == [])
}
