// The customer's mood over a conversation: an exponentially decayed average of their turns'
// scores (recent turns count most) and the trend, the least-squares slope of the last few turns.

/// Running sentiment of one customer across turns.
public struct ConversationMood: Codable, Sendable, Equatable {
    /// Weight of a turn relative to the next one (0.6: the previous turn counts 60 % as much).
    public var decay: Double
    /// How many recent turns the trend is fitted on.
    public var trendWindow: Int
    /// The customer's turn scores in [-1, 1], oldest first.
    public private(set) var scores: [Double] = []

    /// An empty conversation. `decay` is clamped to [0, 1]; `trendWindow` to at least 2.
    public init(decay: Double = 0.6, trendWindow: Int = 3) {
        self.decay = decay.isFinite ? min(1, max(0, decay)) : 0.6
        self.trendWindow = max(2, trendWindow)
    }

    /// Adds the score of the customer's latest turn (non-finite scores count as 0).
    public mutating func record(_ score: Double) {
        scores.append(score.isFinite ? min(1, max(-1, score)) : 0)
    }

    /// Adds the latest turn's result.
    public mutating func record(_ result: SentimentResult) {
        record(result.score)
    }

    /// The latest turn's score, or nil before the first turn.
    public var lastScore: Double? { scores.last }

    /// The decayed average Σ decayⁿ⁻¹⁻ⁱ sᵢ / Σ decayⁿ⁻¹⁻ⁱ; 0 before the first turn.
    public var level: Double {
        var weighted = 0.0
        var total = 0.0
        var weight = 1.0
        for score in scores.reversed() {
            weighted += weight * score
            total += weight
            weight *= decay
            if weight < 1e-6 { break }
        }
        return total > 0 ? weighted / total : 0
    }

    /// The least-squares slope of the last `trendWindow` scores per turn (negative = getting
    /// angrier); 0 with fewer than two turns.
    public var trend: Double {
        let recent = scores.suffix(trendWindow)
        guard recent.count >= 2 else { return 0 }
        let count = Double(recent.count)
        let meanX = (count - 1) / 2
        let meanY = recent.reduce(0, +) / count
        var covariance = 0.0
        var variance = 0.0
        for (offset, score) in recent.enumerated() {
            let dx = Double(offset) - meanX
            covariance += dx * (score - meanY)
            variance += dx * dx
        }
        return covariance / variance
    }
}
