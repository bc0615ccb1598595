// The three sentiment classes the sentiment head predicts, in head-output order.

/// A customer's sentiment in one message.
public enum Sentiment: String, Codable, Sendable, CaseIterable, Hashable {
    /// Unhappy, angry, frustrated.
    case negative
    /// Neither.
    case neutral
    /// Pleased, thankful.
    case positive

    /// The head's output index (negative 0, neutral 1, positive 2).
    public var index: Int {
        switch self {
        case .negative: 0
        case .neutral: 1
        case .positive: 2
        }
    }
}
