// The lexicon and a learned head (any analyser that gives probabilities) joined by a
// `SentimentCombination`; the drivers still come from the lexicon so people see why.

/// Sentiment from the lexicon and a learned head, combined.
public struct CombinedSentimentAnalyser: SentimentAnalyser {
    /// The rule-based half.
    public var lexicon: LexiconSentimentAnalyser
    /// The learned half; its results should carry `probabilities` (without them the lexicon decides).
    public var head: any SentimentAnalyser
    /// How the two become one.
    public var combination: SentimentCombination

    /// Joins `lexicon` and `head` with `combination`.
    public init(lexicon: LexiconSentimentAnalyser = LexiconSentimentAnalyser(), head: any SentimentAnalyser,
                combination: SentimentCombination) {
        self.lexicon = lexicon
        self.head = head
        self.combination = combination
    }

    /// The combination's label, score and probabilities, with the lexicon's drivers.
    public func analyse(_ text: String) -> SentimentResult {
        combination.combine(lexicon: lexicon.analyse(text), headProbabilities: head.analyse(text).probabilities)
    }

    /// Many messages, the head reading them in one batch.
    public func analyse(_ texts: [String]) -> [SentimentResult] {
        zip(texts, head.analyse(texts)).map { text, fromHead in
            combination.combine(lexicon: lexicon.analyse(text), headProbabilities: fromHead.probabilities)
        }
    }
}
