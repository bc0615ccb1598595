// Precision, recall and F1 of one label, the way scikit-learn's classification report counts
// them (a ratio with a zero denominator is 0).

/// Per-label scores over an evaluation set.
public struct IntentMetrics: Hashable, Sendable {
    /// The label (an intent, or the out-of-scope label).
    public var intent: String
    /// Rows predicted as this label that are this label.
    public var truePositives: Int
    /// Rows predicted as this label (right or wrong).
    public var predictedCount: Int
    /// Rows whose gold label is this label.
    public var support: Int

    /// Creates the scores from counts.
    public init(intent: String, truePositives: Int, predictedCount: Int, support: Int) {
        self.intent = intent
        self.truePositives = truePositives
        self.predictedCount = predictedCount
        self.support = support
    }

    /// truePositives / predictedCount (0 when never predicted).
    public var precision: Double { predictedCount == 0 ? 0 : Double(truePositives) / Double(predictedCount) }
    /// truePositives / support (0 when absent from the data).
    public var recall: Double { support == 0 ? 0 : Double(truePositives) / Double(support) }
    /// Harmonic mean of precision and recall (0 when both are 0).
    public var f1: Double {
        let sum = precision + recall
        return sum == 0 ? 0 : 2 * precision * recall / sum
    }
}
