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

    /// Whether `text` has nothing a learned head can read: no Latin-script letter, no digit and
    /// no symbol such as an emoji. Empty, blank, control-only, invalid-UTF-8-only or
    /// punctuation-only messages ("", "!!!", ":(") are left to the lexicon, which knows
    /// emoticons; a head reads noise into them. So is text written only in other scripts
    /// ("我的订单在哪里？"): the lexicon and the heads trained on the demo data know English, and a
    /// head's reading of a script it never saw is noise too (it read that question as negative).
    public static func isWordless(_ text: String) -> Bool {
        !text.unicodeScalars.contains { scalar in
            isLatinLetter(scalar) || scalar.properties.numericType != nil
                || (!scalar.isASCII && scalar != "\u{FFFD}" && isSymbol(scalar))
        }
    }

    private static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.properties.isAlphabetic else { return false }
        let value = scalar.value
        return value < 0x80 || (0xC0...0x24F).contains(value) || (0x1E00...0x1EFF).contains(value)
    }

    private static func isSymbol(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .otherSymbol, .mathSymbol, .currencySymbol, .modifierSymbol: true
        default: false
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
