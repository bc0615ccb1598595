// The chat model's learned sentiment head as a `SentimentAnalyser`: class probabilities from the
// model (its dense and sparse sentiment experts summed), label by the most probable class and
// score P(positive) − P(negative). No drivers: the lexicon supplies those when combined.
import ChatModel
import Foundation
import Sentiment

/// Reads sentiment with a trained model's sentiment head.
///
/// Thread-safe as long as nothing else uses the same `ChatModel` (which reuses buffers): this
/// analyser's calls into it are serialised by its own lock.
public final class ModelSentimentAnalyser: SentimentAnalyser, @unchecked Sendable {
    private let model: ChatModel
    private let lock = NSLock()

    /// Wraps `model`; check `ModelSentiment.hasHead(model)` first, an untrained head gives noise.
    public init(model: ChatModel) {
        self.model = model
    }

    /// The head's reading of `text`.
    public func analyse(_ text: String) -> SentimentResult {
        analyse([text])[0]
    }

    /// The head's reading of each message, 64 at a time. A message the model cannot read
    /// (it never throws for text, but if it did) comes back neutral without probabilities.
    public func analyse(_ texts: [String]) -> [SentimentResult] {
        guard !texts.isEmpty else { return [] }
        let predictions = lock.withLock { try? model.predict(texts, topK: 1) }
        guard let predictions else {
            return texts.map { _ in SentimentResult(label: .neutral, score: 0) }
        }
        return predictions.map { prediction in
            let probabilities = prediction.sentimentProbabilities.map(Double.init)
            let label = SentimentLabel(rawValue: prediction.sentiment.rawValue) ?? .neutral
            let score = probabilities[SentimentLabel.positive.index] - probabilities[SentimentLabel.negative.index]
            return SentimentResult(label: label, score: score, probabilities: probabilities)
        }
    }
}
