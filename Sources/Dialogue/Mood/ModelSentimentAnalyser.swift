// The chat model's learned sentiment head as a `SentimentAnalyser`: class probabilities from the
// model (its dense and sparse sentiment experts summed), label by the most probable class and
// score P(positive) − P(negative). No drivers: the lexicon supplies those when combined.
import Foundation
import LanguageModeling
import Primitives
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

    /// The head's reading of each message, 64 at a time. If the model fails (it does not for
    /// text, but if it did) the messages come back neutral without probabilities, so a
    /// combination leaves them to the lexicon. A wordless message
    /// (`CombinedSentimentAnalyser.isWordless`) is neutral for certain.
    public func analyse(_ texts: [String]) -> [SentimentResult] {
        let readable = texts.indices.filter { !CombinedSentimentAnalyser.isWordless(texts[$0]) }
        let predictions = readable.isEmpty ? [] : lock.withLock { try? model.predict(readable.map { texts[$0] }, topK: 1) }
        var results = texts.map { _ in SentimentResult(label: .neutral, score: 0, probabilities: [0, 1, 0]) }
        guard let predictions else {
            for index in readable { results[index] = SentimentResult(label: .neutral, score: 0) }
            return results
        }
        for (index, prediction) in zip(readable, predictions) {
            let probabilities = prediction.sentimentProbabilities.map(Double.init)
            let label = prediction.sentiment
            let score = probabilities[SentimentLabel.positive.index] - probabilities[SentimentLabel.negative.index]
            results[index] = SentimentResult(label: label, score: score, probabilities: probabilities)
        }
        return results
    }
}
