// The lexicon's TSV format, lookups, and the embedded copy agreeing with Resources/lexicon.tsv.
import Foundation
import Sentiment
import Testing

@Test func parsesWordsPhrasesSymbolsAndTags() throws {
    let lexicon = try Lexicon(tsv: "# comment\n\ngood\t2\nstill waiting\t-2.5\n:)\t2\nthanks\t2\tcourtesy\r\n")
    #expect(lexicon.count == 4)
    #expect(lexicon.word("good")?.valence == 2)
    #expect(lexicon.symbol(":)")?.valence == 2)
    #expect(lexicon.word("thanks")?.isCourtesy == true)
    #expect(lexicon.longestPhrase(in: ["still", "waiting", "here"], at: 0)?.length == 2)
    #expect(lexicon.longestPhrase(in: ["still"], at: 0) == nil)
}

@Test func longestPhraseWins() throws {
    let lexicon = try Lexicon(tsv: "on hold\t-1\non hold for\t-2\n")
    #expect(lexicon.longestPhrase(in: ["on", "hold", "for", "ages"], at: 0)?.entry.valence == -2)
    #expect(lexicon.longestPhrase(in: ["on", "hold"], at: 0)?.entry.valence == -1)
}

@Test func badLinesNameTheLine() {
    #expect(throws: SentimentError.badLexiconLine(source: "x.tsv", line: 2, reason: "valence must be a number in [-4, 4]")) {
        try Lexicon(tsv: "good\t2\nbad\t-9\n", source: "x.tsv")
    }
    #expect(throws: SentimentError.self) { try Lexicon(tsv: "no tab here\n") }
    #expect(throws: SentimentError.self) { try Lexicon(tsv: "\t1\n") }
    #expect(throws: SentimentError.self) { try Lexicon(tsv: "nan\tnan\n") }
    #expect(throws: SentimentError.badLexiconLine(source: "x.tsv", line: 2,
                                                  reason: "write words in lowercase (they match any case): bar baz")) {
        try Lexicon(tsv: "xD\t3\nBar Baz\t2\n", source: "x.tsv")
    }
}

@Test func standardLexiconIsLargeAndCoversCustomerService() {
    let lexicon = Lexicon.standard
    #expect(lexicon.count > 3000)
    #expect((lexicon.word("unacceptable")?.valence ?? 0) < -2)
    #expect((lexicon.word("useless")?.valence ?? 0) < -2)
    #expect((lexicon.word("refund")?.valence ?? 0) == 0, "asking for a refund is not itself negative")
    #expect(lexicon.longestPhrase(in: ["thanks", "so", "much"], at: 0) != nil)
    #expect(lexicon.symbol("😡") != nil && lexicon.symbol(":(") != nil)
}

@Test func embeddedLexiconMatchesTheResourceFile() throws {
    let tsv = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/Sentiment/Resources/lexicon.tsv").standardizedFileURL
    let text = try String(contentsOf: tsv, encoding: .utf8)
    #expect(text == Lexicon.embeddedTSV + "\n", "run scripts/gen-lexicon after editing lexicon.tsv")
    #expect(try Lexicon(tsv: text).count == Lexicon.standard.count)
}
