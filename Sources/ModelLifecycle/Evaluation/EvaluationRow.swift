// One evaluated message: its gold label and what the model said about it. The input of
// `EvaluationMetrics`, kept free of any model type so metrics can be computed from any source.

/// A gold label beside the model's prediction for one message.
public struct EvaluationRow: Hashable, Sendable {
    /// The label the data gives (an intent, or the out-of-scope label).
    public var gold: String
    /// The model's top intent (even when it flagged the message as out of scope).
    public var predicted: String
    /// The calibrated probability of `predicted`, in 0...1.
    public var confidence: Double
    /// Whether the model said "out of scope" (threshold, margin or an out-of-scope class).
    public var isOutOfScope: Bool
    /// The message text, shown in the report's list of errors (may be empty).
    public var text: String

    /// Creates a row.
    public init(gold: String, predicted: String, confidence: Double, isOutOfScope: Bool, text: String = "") {
        self.gold = gold
        self.predicted = predicted
        self.confidence = confidence
        self.isOutOfScope = isOutOfScope
        self.text = text
    }
}
