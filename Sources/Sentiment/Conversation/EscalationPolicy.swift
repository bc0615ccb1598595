// When to hand a conversation to a human, from the last turn and the mood's level and trend
// (a falling mood counts only when several of its turns, the last one included, are angry).

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
    /// …over at least this many customer turns…
    public var minimumTurnsForTrend = 3
    /// …with at least this many of the last `trendWindow` turns, the last one included, at or
    /// below `angryTurnScore`: a trend needs anger over several turns, not one muddled message
    /// (-0.40) followed by a plain question.
    public var minimumAngryTurns = 2
    /// A turn scoring at or below this counts as angry for the trend rule (-0.5: negative words
    /// and a negative reading together, not a neutral request or a negative guess alone).
    public var angryTurnScore = -0.5

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
        let angryTurns = mood.scores.suffix(mood.trendWindow).filter { $0 <= angryTurnScore }.count
        if mood.scores.count >= minimumTurnsForTrend, level <= moodThreshold, trend <= trendThreshold,
           last <= angryTurnScore, angryTurns >= minimumAngryTurns {
            return .decliningMood(level: level, trend: trend)
        }
        return nil
    }
}

extension EscalationPolicy {
    private enum CodingKeys: String, CodingKey {
        case lastTurnThreshold, moodThreshold, trendThreshold, minimumTurnsForTrend, minimumAngryTurns, angryTurnScore
    }

    /// Decodes a policy; a missing key keeps its default (files written before a threshold existed stay valid).
    public init(from decoder: any Decoder) throws {
        self.init()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        lastTurnThreshold = try container.decodeIfPresent(Double.self, forKey: .lastTurnThreshold) ?? lastTurnThreshold
        moodThreshold = try container.decodeIfPresent(Double.self, forKey: .moodThreshold) ?? moodThreshold
        trendThreshold = try container.decodeIfPresent(Double.self, forKey: .trendThreshold) ?? trendThreshold
        minimumTurnsForTrend = try container.decodeIfPresent(Int.self, forKey: .minimumTurnsForTrend) ?? minimumTurnsForTrend
        minimumAngryTurns = try container.decodeIfPresent(Int.self, forKey: .minimumAngryTurns) ?? minimumAngryTurns
        angryTurnScore = try container.decodeIfPresent(Double.self, forKey: .angryTurnScore) ?? angryTurnScore
    }
}
