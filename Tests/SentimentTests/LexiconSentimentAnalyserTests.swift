// Known answers for each rule of the lexicon analyser, neutral facts, and inputs that must not crash.
import Foundation
import Primitives
import Sentiment
import Testing

private let analyser = LexiconSentimentAnalyser()

private func score(_ text: String) -> Double { analyser.analyse(text).score }
private func label(_ text: String) -> SentimentLabel { analyser.analyse(text).label }

@Test func plainWordsHaveTheirSign() {
    #expect(label("The service was good") == .positive)
    #expect(label("The service was bad") == .negative)
}

@Test func negationFlipsAndWeakens() {
    #expect(score("The flight was not good") < 0)
    #expect(score("The flight was not bad") > 0)
    #expect(abs(score("not good")) < abs(score("good")))
    #expect(label("the agent didn't help") == .negative)
    #expect(label("my bag never arrived") == .negative)
    #expect(label("it isn't great") == .negative)
    #expect(label("no one was helpful") == .negative)
    #expect(label("dont like it") == .negative, "apostrophe-less contractions negate too")
}

@Test func negationStopsAtPunctuationAndScope() {
    #expect(score("Not sure. Great service") > 0, "a full stop ends the negation scope")
    #expect(score("not that I would ever say it was good") > 0, "more than three words away")
}

@Test func negationExceptionsDoNotFlip() {
    #expect(score("not only fast but friendly") > 0)
    #expect(label("no problem at all") == .positive)
    #expect(label("I can't wait to fly again") == .positive)
}

@Test func intensifiersAndDampenersScale() {
    #expect(score("very good") > score("good"))
    #expect(score("extremely good") > score("very good"))
    #expect(score("slightly good") < score("good"))
    #expect(score("kind of bad") > score("bad"))
    #expect(score("slightly good") > 0)
}

@Test func contrastWeighsTheSecondHalf() {
    #expect(label("The crew was great but the flight was delayed") == .negative)
    #expect(label("The flight was delayed but the crew was great") == .positive)
    let result = analyser.analyse("nice seats but rude staff")
    #expect(result.drivers.contains { $0.term == "rude" && $0.notes.contains("after \"but\"") })
}

@Test func concessiveClauseWeighsLess() {
    #expect(label("Although the flight was late, the crew were wonderful") == .positive)
}

@Test func capitalsIntensifyUnlessTheWholeMessageShouts() {
    #expect(score("this is BAD") < score("this is bad"))
    let shouted = analyser.analyse("THIS IS BAD")
    #expect(shouted.score < score("this is bad"))
    #expect(shouted.drivers.contains { $0.term == "ALL CAPS" })
    #expect(!shouted.drivers.contains { $0.notes.contains("CAPS") }, "no per-word caps when all is shouted")
}

@Test func exclamationsIntensifyUpToACap() {
    #expect(score("good!") > score("good"))
    #expect(score("good!!!") > score("good!"))
    #expect(score("bad!!!") < score("bad"))
    #expect(score("good!!!!!!!!") == score("good!!!!"))
    #expect(score("I ordered shoes!!!") == 0, "no sentiment, nothing to amplify")
}

@Test func emojiAndEmoticonsCount() {
    #expect(label("😡") == .negative)
    #expect(label("🙂") == .positive)
    #expect(score("😡😡😡") < score("😡"))
    #expect(label("flight landed :)") == .positive)
    #expect(label("flight landed :(") == .negative)
    #expect(label("thanks:)") == .positive)
    #expect(label(">:(") == .negative)
    #expect(label("👍🏽") == .positive, "skin tones fall back to the base emoji")
}

@Test func phrasesBeatTheirWords() {
    let waiting = analyser.analyse("still waiting for my refund")
    #expect(waiting.label == .negative)
    #expect(waiting.drivers.first?.term.hasPrefix("still waiting") == true)
    #expect(label("what a waste of time") == .negative)
    #expect(label("thanks so much") == .positive)
    #expect(label("I have been on hold") == .negative)
    #expect(label("no response from anyone") == .negative)
}

@Test func politenessInAComplaintIsDiscounted() {
    let result = analyser.analyse("thanks, now I am stuck at the airport")
    #expect(result.label == .negative)
    #expect(result.drivers.contains { $0.notes.contains("politeness in a complaint") })
}

@Test func hashtagNegationsAndInflectionsResolve() {
    #expect(label("#nothappy") == .negative)
    #expect(label("more delays") == .negative)
    #expect(label("sooo good") == .positive)
}

@Test func neutralFactualMessagesStayNeutral() {
    for text in ["I ordered a blue jacket on Monday", "what are your opening hours", "My booking reference is ABC123",
                 "Can I change my seat to an aisle?", "The parcel was sent to 12 High Street", "Hello",
                 "How do I reset my password?", "I want to change my flight to Tuesday"] {
        #expect(label(text) == .neutral, "\(text)")
    }
}

@Test func scoresStayInRange() {
    let extreme = String(repeating: "terrible awful worst ", count: 200)
    #expect(score(extreme) >= -1 && score(extreme) < -0.99)
    #expect(score(String(repeating: "amazing ", count: 500)) <= 1)
}

@Test func driversExplainTheScore() {
    let result = analyser.analyse("The agent was not helpful at all and very rude")
    #expect(result.drivers.contains { $0.term.lowercased().contains("rude") && $0.contribution < 0 })
    #expect(result.drivers == result.drivers.sorted { abs($0.contribution) > abs($1.contribution) })
}

@Test func noInputCrashes() {
    let control = String(decoding: (0..<32).map { UInt8($0) }, as: UTF8.self)
    let inputs = ["", " ", "a", "!", "?", ":", "'", "😡", "👨‍👩‍👧‍👦", "🏳️‍🌈", control, "\u{0}\u{7}bad\u{1B}[31m",
                  "ünïcödé gut", "日本語のテキスト", "not", "but", "but but but", "not not not", "!!!!!!!!", "???",
                  String(repeating: "x", count: 10_000), "'''", "-_-", "#", "@", "http://", "n't"]
    for input in inputs {
        let result = analyser.analyse(input)
        #expect(result.score >= -1 && result.score <= 1)
    }
    #expect(analyser.analyse("").label == .neutral)
}

@Test func invalidUTF8IsRepairedNotFatal() {
    let bytes: [UInt8] = [0x62, 0x61, 0x64, 0x20, 0xFF, 0xFE, 0xC3, 0x28, 0xE2, 0x82]
    #expect(analyser.analyse(bytes: bytes).label == .negative)
    #expect(analyser.analyse(bytes: []).label == .neutral)
}

@Test func aMegabyteIsAnalysedQuickly() {
    let sentence = "The crew was great but my bag never arrived!!! 😡 still waiting, not happy. "
    let huge = String(repeating: sentence, count: 1_048_576 / sentence.utf8.count + 1)
    let start = Date()
    let result = analyser.analyse(huge)
    #expect(result.drivers.count <= SentimentRules().maxDrivers)
    #expect(Date().timeIntervalSince(start) < 30)
}

@Test func pathologicalRuleWordsStayLinear() {
    let huge = String(repeating: "although bad, but good however awful not not very ", count: 8_000)
    let start = Date()
    #expect(analyser.analyse(huge).score.isFinite)
    #expect(Date().timeIntervalSince(start) < 30)
}

@Test func plainQuestionsReadNeutral() {
    for question in ["how long do i have?", "How long does delivery take to France?", "how long is the return window?",
                     "我的订单在哪里？"] {
        let result = analyser.analyse(question)
        #expect(result.label == .neutral && result.drivers.allSatisfy { $0.valence >= 0 }, "\(question)")
    }
    #expect(analyser.analyse("how much longer do I have to wait?").label == .negative, "impatience still counts")
}
