// A kind of mistake: messages of one label taken for another, with how often it happened.

/// Rows with gold label `gold` that the model answered as `predicted`.
public struct ConfusedPair: Hashable, Sendable {
    /// The label in the data.
    public var gold: String
    /// The label the model gave (the out-of-scope label when it flagged the row).
    public var predicted: String
    /// How many rows.
    public var count: Int

    /// Creates a pair.
    public init(gold: String, predicted: String, count: Int) {
        self.gold = gold
        self.predicted = predicted
        self.count = count
    }
}
