// How the lexicon's reading of a message and a learned head's probabilities become one
// sentiment: a logistic combiner fitted on validation data, or, when there was too little
// labelled validation data to fit one, the plain average of the two scores.
import Foundation
import Primitives

/// Joins a lexicon result with a learned head's class probabilities.
public enum SentimentCombination: Sendable, Equatable {
    /// The mean of the lexicon's score and the head's P(positive) − P(negative), labelled by
    /// `neutralBand` (the lexicon's own band by default): for models without a fitted combiner.
    case average(neutralBand: Double = SentimentRules().neutralBand)
    /// A logistic combiner fitted on `features(lexicon:headProbabilities:)` rows: its label and
    /// probabilities, and `fittedScore` as the score.
    case fitted(LogisticCombiner)

    /// The number of features a fitted combiner must take.
    public static let featureCount = 6

    /// The combiner's input row: the lexicon's features, then the log of each head probability
    /// (floored at 1e-6), so the logistic combination is a weighted product of the two sources.
    public static func features(lexicon: SentimentResult, headProbabilities: [Double]) -> [Double] {
        lexicon.lexiconFeatures + headProbabilities.map { log(max($0, 1e-6)) }
    }

    /// The fitted combination's score: P(positive) − P(negative) (how sure it is of the
    /// direction) scaled by (1 + |lexicon score|) / 2 (how strongly the words say it). Its sign is
    /// always the combination's; a sure negative in plain words scores −0.5, with one valence −3
    /// phrase about −0.8, and only strong words ("useless", "unacceptable!!!") reach −0.85.
    static func fittedScore(lexicon: Double, probabilities: [Double]) -> Double {
        let polarity = probabilities[SentimentLabel.positive.index] - probabilities[SentimentLabel.negative.index]
        return polarity * (1 + min(1, abs(lexicon))) / 2
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
            score = (lexicon.score + head[SentimentLabel.positive.index] - head[SentimentLabel.negative.index]) / 2
            label = score <= -neutralBand ? .negative : score >= neutralBand ? .positive : .neutral
        case .fitted(let combiner):
            probabilities = combiner.probabilities(Self.features(lexicon: lexicon, headProbabilities: head))
            score = Self.fittedScore(lexicon: lexicon.score, probabilities: probabilities)
            let best = probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? SentimentLabel.neutral.index
            label = SentimentLabel(index: best) ?? .neutral
        }
        return SentimentResult(label: label, score: score, probabilities: probabilities, drivers: lexicon.drivers)
    }
}
