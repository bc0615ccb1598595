// What the model says about one customer message: the intent with a calibrated confidence, the
// runners-up, whether it is out of scope, and the sentiment.
import Primitives

/// An intent with its calibrated probability.
public struct IntentScore: Codable, Sendable, Equatable {
    /// The intent name.
    public var intent: String
    /// Its temperature-calibrated probability.
    public var probability: Float
}

/// The model's reading of one message.
public struct IntentPrediction: Codable, Sendable, Equatable {
    /// The most likely intent (even when out of scope; check `isOutOfScope`).
    public var intent: String
    /// Its calibrated probability.
    public var confidence: Float
    /// Top-1 minus top-2 calibrated probability.
    public var margin: Float
    /// The best intents, most likely first.
    public var ranked: [IntentScore]
    /// True when confidence or margin falls below the calibrated thresholds, or the top intent is the out-of-scope class.
    public var isOutOfScope: Bool
    /// Probabilities of negative, neutral, positive (in `Sentiment.allCases` order).
    public var sentimentProbabilities: [Float]

    /// The most likely sentiment.
    public var sentiment: SentimentLabel {
        let best = sentimentProbabilities.indices.max { sentimentProbabilities[$0] < sentimentProbabilities[$1] } ?? 1
        return SentimentLabel.allCases[best]
    }
}

extension IntentPrediction {
    /// The calibrated prediction for raw intent logits [K] (heads in `intents` order) and
    /// sentiment logits [3]: softmax at the calibration's temperature, top `topK`, out of scope
    /// when the top intent is `outOfScopeLabel` or confidence or margin fall below the thresholds.
    package init(intentLogits: [Float], sentimentLogits: [Float], intents: [String], outOfScopeLabel: String,
                 calibration: Calibration, topK: Int) {
        let probabilities = ChatModel.softmax(intentLogits, temperature: calibration.temperature)
        let order = probabilities.indices.sorted { probabilities[$0] > probabilities[$1] }
        let names = intents.isEmpty ? [""] : intents
        let top = order.first ?? 0
        let confidence = probabilities[top]
        let margin = confidence - (order.count > 1 ? probabilities[order[1]] : 0)
        let isOOS = names[top] == outOfScopeLabel || calibration.isOutOfScope(confidence: confidence, margin: margin)
        self.init(
            intent: names[top], confidence: confidence, margin: margin,
            ranked: order.prefix(max(1, topK)).map { IntentScore(intent: names[$0], probability: probabilities[$0]) },
            isOutOfScope: isOOS, sentimentProbabilities: ChatModel.softmax(sentimentLogits, temperature: 1))
    }
}
