// One sentiment per customer turn: the lexicon's reading, averaged with the model's sentiment
// head when the understanding has one (until the trained combiner of the Sentiment module is
// wired in, which needs labelled turns to fit).
import Sentiment

/// Blends the lexicon with an understanding's sentiment probabilities.
enum SentimentBlend {
    /// Scores within ±this are neutral (the lexicon's own neutral band).
    static let neutralBand = 0.1

    /// `lexicon` alone, or its score averaged with P(positive) − P(negative) from `probabilities`
    /// (negative, neutral, positive), relabelled by the neutral band.
    static func blend(lexicon: SentimentResult, probabilities: [Double]?) -> SentimentResult {
        guard let probabilities, probabilities.count == 3, probabilities.allSatisfy(\.isFinite) else { return lexicon }
        let score = (lexicon.score + probabilities[2] - probabilities[0]) / 2
        let label: SentimentLabel = score <= -neutralBand ? .negative : (score >= neutralBand ? .positive : .neutral)
        return SentimentResult(label: label, score: score, probabilities: probabilities, drivers: lexicon.drivers)
    }
}
