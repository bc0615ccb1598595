// Joining the lexicon with a learned head: the average, a fitted combiner that learns when to
// trust which source, and the lexicon kept as is when the head gives nothing usable.
import Primitives
import Sentiment
import Testing

/// A head that always answers with the same probabilities (a stand-in for a model's head).
private struct FixedHead: SentimentAnalyser {
    var probabilities: [Double]?
    func analyse(_ text: String) -> SentimentResult {
        SentimentResult(label: .neutral, score: 0, probabilities: probabilities)
    }
}

@Test func averageMeansTheTwoScoresAndKeepsTheLexiconsDrivers() {
    let lexicon = LexiconSentimentAnalyser().analyse("thanks so much, great help")
    #expect(lexicon.label == .positive)
    let combined = SentimentCombination.average().combine(lexicon: lexicon, headProbabilities: [0.1, 0.2, 0.7])
    #expect(abs(combined.score - (lexicon.score + 0.6) / 2) < 1e-12)
    #expect(combined.label == .positive)
    #expect(combined.drivers == lexicon.drivers)
    let overruled = SentimentCombination.average().combine(lexicon: lexicon, headProbabilities: [1, 0, 0])
    #expect(overruled.score < lexicon.score, "a sure negative head pulls the score down")
}

@Test func unusableHeadProbabilitiesLeaveTheLexiconAlone() throws {
    let lexicon = LexiconSentimentAnalyser().analyse("my bag never arrived")
    let combiner = try LogisticCombiner(features: [[0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1]], labels: [.negative, .positive])
    for combination in [SentimentCombination.average(), .fitted(combiner)] {
        for head in [nil, [0.5, 0.5], [Double.nan, 0.5, 0.5]] as [[Double]?] {
            #expect(combination.combine(lexicon: lexicon, headProbabilities: head) == lexicon)
        }
    }
}

@Test func fittedCombinerLearnsWhichSourceToTrust() throws {
    // Synthetic truth: the head is right on every message, the lexicon only on some. A combiner
    // fitted on such rows must follow the head where the two disagree.
    let texts = ["great, thanks", "awful service", "where is my order", "not bad at all", "thanks for nothing",
                 "what a great way to lose my bag", "ok", "love it", "still waiting", "is it waterproof"]
    let truth: [SentimentLabel] = [.positive, .negative, .neutral, .positive, .negative, .negative, .neutral, .positive, .negative, .neutral]
    let lexicon = LexiconSentimentAnalyser()
    var features: [[Double]] = [], labels: [SentimentLabel] = []
    for _ in 0..<10 {
        for (text, label) in zip(texts, truth) {
            var head = [0.1, 0.1, 0.1]
            head[label.index] = 0.8
            features.append(SentimentCombination.features(lexicon: lexicon.analyse(text), headProbabilities: head))
            labels.append(label)
        }
    }
    let combination = SentimentCombination.fitted(try LogisticCombiner(features: features, labels: labels))
    for (text, label) in zip(texts, truth) {
        var head = [0.1, 0.1, 0.1]
        head[label.index] = 0.8
        let result = CombinedSentimentAnalyser(head: FixedHead(probabilities: head), combination: combination).analyse(text)
        #expect(result.label == label, "\(text)")
        #expect(abs((result.probabilities ?? []).reduce(0, +) - 1) < 1e-9)
        #expect(result.drivers == lexicon.analyse(text).drivers, "people still see the lexicon's reasons")
    }
}

@Test func aFittedScoreAgreesInSignWithTheCombinationAndGrowsWithTheWords() throws {
    // A combiner that follows the head: the lexicon only sets how strong the score is.
    var features: [[Double]] = [], labels: [SentimentLabel] = []
    for text in ["fine", "awful", "ok", "great", "meh", "useless!!!"] {
        for label in SentimentLabel.allCases {
            var head = [0.05, 0.05, 0.05]
            head[label.index] = 0.9
            features.append(SentimentCombination.features(lexicon: LexiconSentimentAnalyser().analyse(text), headProbabilities: head))
            labels.append(label)
        }
    }
    let combination = SentimentCombination.fitted(try LogisticCombiner(features: features, labels: labels))
    let lexicon = LexiconSentimentAnalyser()
    let sureNegative = [0.98, 0.01, 0.01]
    let plain = combination.combine(lexicon: lexicon.analyse("the dry bag is not dry"), headProbabilities: sureNegative)
    let strong = combination.combine(lexicon: lexicon.analyse("this is useless, UNACCEPTABLE!!!"), headProbabilities: sureNegative)
    let praised = combination.combine(lexicon: lexicon.analyse("great, thanks so much"), headProbabilities: sureNegative)
    for result in [plain, strong, praised] {
        #expect(result.label == .negative)
        #expect(result.score < 0, "the score's sign is the combination's, even against the lexicon")
    }
    #expect(strong.score < plain.score, "strong words make a stronger score")
    #expect(strong.score <= -0.85 && plain.score > -0.85, "only strong words reach the hand-off threshold")
}

@Test func combinedAnalyserReadsBatchesLikeSingleMessages() {
    let analyser = CombinedSentimentAnalyser(head: FixedHead(probabilities: [0.2, 0.5, 0.3]), combination: .average())
    let texts = ["", "awful!!!", String(repeating: "still waiting ", count: 2_000), "thanks 😊"]
    #expect(analyser.analyse(texts) == texts.map { analyser.analyse($0) })
}

@Test func wordlessMessagesAreLeftToTheLexicon() {
    for text in ["", "   ", "\u{7}\u{0}\t", "!!!", ":(", "\u{FFFD}\u{FFFD}", "我的订单在哪里？", "где мой заказ?"] {
        #expect(CombinedSentimentAnalyser.isWordless(text), "\(text.debugDescription)")
    }
    for text in ["ok", "RO-48213", "😡", "été", "我的订单 48213377", "ça va ❤️"] {
        #expect(!CombinedSentimentAnalyser.isWordless(text), "\(text)")
    }
    let sureNegative = CombinedSentimentAnalyser(head: FixedHead(probabilities: [0.98, 0.01, 0.01]), combination: .average())
    #expect(sureNegative.analyse("") == LexiconSentimentAnalyser().analyse(""))
    #expect(sureNegative.analyse(":)") == LexiconSentimentAnalyser().analyse(":)"))
    let question = sureNegative.analyse("我的订单在哪里？")
    #expect(question.label == .neutral && question.score == 0, "a question the head cannot read is not negative")
    #expect(sureNegative.analyse("ok").label == .negative, "a message with words is read by the head too")
}
