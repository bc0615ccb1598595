// The lexicon and a learned head (any analyser that gives probabilities) joined by a fitted
// `LogisticCombiner`; the drivers still come from the lexicon so people see why.

/// Sentiment from the lexicon and a learned head, combined.
public struct CombinedSentimentAnalyser: SentimentAnalyser {
    /// The rule-based half.
    public var lexicon: LexiconSentimentAnalyser
    /// The learned half; its results must carry `probabilities`.
    public var head: any SentimentAnalyser
    /// Fitted on `features(lexicon:head:)` rows.
    public var combiner: LogisticCombiner

    /// Joins `lexicon` and `head` with `combiner`.
    public init(lexicon: LexiconSentimentAnalyser, head: any SentimentAnalyser, combiner: LogisticCombiner) {
        self.lexicon = lexicon
        self.head = head
        self.combiner = combiner
    }

    /// The combiner's input row: the lexicon's features then the head's probabilities
    /// (uniform when the head gives none).
    public static func features(lexicon: SentimentResult, head: SentimentResult) -> [Double] {
        let uniform = Array(repeating: 1 / Double(SentimentLabel.allCases.count), count: SentimentLabel.allCases.count)
        return lexicon.lexiconFeatures + (head.probabilities ?? uniform)
    }

    /// The combiner's label and probabilities, score P(positive) - P(negative), the lexicon's drivers.
    public func analyse(_ text: String) -> SentimentResult {
        let fromLexicon = lexicon.analyse(text)
        let row = Self.features(lexicon: fromLexicon, head: head.analyse(text))
        let probabilities = combiner.probabilities(row)
        let best = probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 1
        let score = probabilities[SentimentLabel.positive.index] - probabilities[SentimentLabel.negative.index]
        return SentimentResult(label: SentimentLabel(index: best) ?? .neutral, score: score,
                               probabilities: probabilities, drivers: fromLexicon.drivers)
    }
}
