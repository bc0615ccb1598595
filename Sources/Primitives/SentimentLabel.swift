// The three sentiment classes every analyser and the combiner agree on.

/// Negative, neutral or positive; `allCases` order is the class index used by the combiner.
public enum SentimentLabel: String, CaseIterable, Codable, Sendable, Comparable {
    /// The message complains, is angry or unhappy.
    case negative
    /// No sentiment either way (facts, questions).
    case neutral
    /// The message praises, thanks or is happy.
    case positive

    /// The class index 0, 1, 2 in `allCases` order.
    public var index: Int {
        switch self {
        case .negative: 0
        case .neutral: 1
        case .positive: 2
        }
    }

    /// The label for a class index, or nil outside 0...2.
    public init?(index: Int) {
        guard SentimentLabel.allCases.indices.contains(index) else { return nil }
        self = SentimentLabel.allCases[index]
    }

    /// Orders negative < neutral < positive.
    public static func < (lhs: SentimentLabel, rhs: SentimentLabel) -> Bool { lhs.index < rhs.index }
}
