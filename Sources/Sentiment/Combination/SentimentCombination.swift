// How the lexicon's reading of a message and a learned head's probabilities become one
// sentiment: a logistic combiner fitted on validation data, or, when there was too little
// labelled validation data to fit one, the plain average of the two scores.
import Foundation

/// Joins a lexicon result with a learned head's class probabilities.
public enum SentimentCombination: Sendable, Equatable {
    /// The mean of the lexicon's score and the head's P(positive) − P(negative), labelled by
    /// `neutralBand` (the lexicon's own band by default).
    case average(neutralBand: Double = SentimentRules().neutralBand)
    /// A logistic combiner fitted on `features(lexicon:headProbabilities:)` rows.
    case fitted(LogisticCombiner)

    /// The combiner's input row: the lexicon's features, then the log of each head probability
    /// (floored at 1e-6), so the logistic combination is a weighted product of the two sources.
    public static func features(lexicon: SentimentResult, headProbabilities: [Double]) -> [Double] {
        lexicon.lexiconFeatures + headProbabilities.map { log(max($0, 1e-6)) }
    }

    /// The combined score: the mean of the lexicon's score (how strongly the words say it) and
    /// P(positive) − P(negative) (how sure the learned side is of the direction). A sure negative
    /// in plain words scores about −0.5; only strong words the model agrees with reach −0.85.
    static func score(lexicon: Double, probabilities: [Double]) -> Double {
        (lexicon + probabilities[SentimentLabel.positive.index] - probabilities[SentimentLabel.negative.index]) / 2
    }

    /// One sentiment from both sources; `lexicon` unchanged when the head gave no usable
    /// probabilities (nil, not three, or not finite). Drivers always come from the lexicon.
    public func combine(lexicon: SentimentResult, headProbabilities: [Double]?) -> SentimentResult {
        guard let head = headProbabilities, head.count == SentimentLabel.allCases.count, head.allSatisfy(\.isFinite) else {
            return lexicon
        }
        let probabilities: [Double]
        let score: Double
        let label: SentimentLabel
        switch self {
        case .average(let neutralBand):
            probabilities = head
            score = Self.score(lexicon: lexicon.score, probabilities: head)
            label = score <= -neutralBand ? .negative : score >= neutralBand ? .positive : .neutral
        case .fitted(let combiner):
            probabilities = combiner.probabilities(Self.features(lexicon: lexicon, headProbabilities: head))
            score = Self.score(lexicon: lexicon.score, probabilities: probabilities)
            let best = probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? SentimentLabel.neutral.index
            label = SentimentLabel(index: best) ?? .neutral
        }
        return SentimentResult(label: label, score: score, probabilities: probabilities, drivers: lexicon.drivers)
    }
}
