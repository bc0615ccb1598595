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

    /// Whether `text` has nothing a learned head can read: no letter, digit or non-ASCII symbol
    /// (emoji). Empty, blank, control-only, invalid-UTF-8-only or ASCII-punctuation-only messages
    /// ("", "!!!", ":(") are left to the lexicon, which knows emoticons; a head reads noise into them.
    public static func isWordless(_ text: String) -> Bool {
        !text.unicodeScalars.contains { scalar in
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || (!scalar.isASCII && !scalar.properties.isWhitespace && scalar != "\u{FFFD}")
        }
    }

    /// The combination's label, score and probabilities, with the lexicon's drivers.
    public func analyse(_ text: String) -> SentimentResult {
        analyse([text])[0]
    }

    /// Many messages, the head reading them in one batch (wordless ones go to the lexicon alone).
    public func analyse(_ texts: [String]) -> [SentimentResult] {
        let readable = texts.indices.filter { !Self.isWordless(texts[$0]) }
        var fromHead: [Int: [Double]] = [:]
        for (index, result) in zip(readable, head.analyse(readable.map { texts[$0] })) { fromHead[index] = result.probabilities }
        return texts.indices.map { index in
            combination.combine(lexicon: lexicon.analyse(texts[index]), headProbabilities: fromHead[index])
        }
    }
}
