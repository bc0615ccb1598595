// When to hand a conversation to a human, from the last turn and the mood's level and trend.

/// Why a conversation should go to a human.
public enum EscalationReason: Codable, Sendable, Equatable {
    /// The last turn alone was very negative.
    case strongNegativeTurn(score: Double)
    /// The mood is negative and has been falling over the trend window.
    case decliningMood(level: Double, trend: Double)
}

/// Thresholds for escalation; a config file may override the defaults.
public struct EscalationPolicy: Codable, Sendable, Equatable {
    /// Escalate when the last turn's score is at or below this (-0.6: e.g. "this is unacceptable!!").
    public var lastTurnThreshold = -0.6
    /// …or when the decayed mood is at or below this…
    public var moodThreshold = -0.25
    /// …and the trend (score change per turn) is at or below this…
    public var trendThreshold = -0.1
    /// …over at least this many customer turns.
    public var minimumTurnsForTrend = 3

    /// The defaults.
    public init() {}

    /// The reason to escalate now, or nil to carry on. The single-turn rule is checked first.
    public func reason(for mood: ConversationMood) -> EscalationReason? {
        guard let last = mood.lastScore else { return nil }
        if last <= lastTurnThreshold {
            return .strongNegativeTurn(score: last)
        }
        let level = mood.level
        let trend = mood.trend
        if mood.scores.count >= minimumTurnsForTrend, level <= moodThreshold, trend <= trendThreshold {
            return .decliningMood(level: level, trend: trend)
        }
        return nil
    }
}
