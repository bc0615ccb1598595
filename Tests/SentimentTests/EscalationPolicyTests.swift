// Escalation on one very negative turn, or on a negative and falling mood.
import Foundation
import Sentiment
import Testing

private func mood(_ scores: [Double]) -> ConversationMood {
    var mood = ConversationMood()
    for score in scores { mood.record(score) }
    return mood
}

@Test func aStronglyNegativeLastTurnEscalates() {
    #expect(EscalationPolicy().reason(for: mood([0.5, -0.8])) == .strongNegativeTurn(score: -0.8))
}

@Test func aNegativeFallingMoodEscalatesOverThreeTurns() {
    guard case .decliningMood(let level, let trend)? = EscalationPolicy().reason(for: mood([-0.1, -0.5, -0.55])) else {
        Issue.record("expected a declining-mood escalation")
        return
    }
    #expect(level < -0.25 && trend < -0.1)
}

@Test func oneMuddledTurnThenAPlainRequestDoesNotEscalate() {
    // Issue 11: "hello", a card-number message (-0.40), "where is my order 12345678?" (-0.61),
    // with the chat engine's single-turn threshold (-0.85).
    var engine = EscalationPolicy()
    engine.lastTurnThreshold = -0.85
    #expect(engine.reason(for: mood([0, -0.40, -0.61])) == nil)
}

@Test func aFallingMoodNeedsTheLastTurnAngry() {
    #expect(EscalationPolicy().reason(for: mood([-0.1, -0.7, -0.45])) == nil)
    var lenient = EscalationPolicy()
    lenient.angryTurnScore = -0.4
    #expect(lenient.reason(for: mood([-0.1, -0.7, -0.45])) != nil)
}

@Test func aPolicyFileWithoutTheNewerThresholdsKeepsTheirDefaults() throws {
    let json = #"{"lastTurnThreshold": -0.8, "moodThreshold": -0.25, "trendThreshold": -0.1, "minimumTurnsForTrend": 3}"#
    let policy = try JSONDecoder().decode(EscalationPolicy.self, from: Data(json.utf8))
    #expect(policy.lastTurnThreshold == -0.8)
    #expect(policy.angryTurnScore == EscalationPolicy().angryTurnScore)
    #expect(policy.minimumAngryTurns == EscalationPolicy().minimumAngryTurns)
    let roundTrip = try JSONDecoder().decode(EscalationPolicy.self, from: JSONEncoder().encode(policy))
    #expect(roundTrip == policy)
}

@Test func negativeButImprovingDoesNotEscalate() {
    #expect(EscalationPolicy().reason(for: mood([-0.55, -0.4, -0.3])) == nil)
}

@Test func fallingButStillPositiveDoesNotEscalate() {
    #expect(EscalationPolicy().reason(for: mood([0.9, 0.5, 0.1])) == nil)
}

@Test func tooFewTurnsForATrend() {
    #expect(EscalationPolicy().reason(for: mood([-0.2, -0.5])) == nil)
    #expect(EscalationPolicy().reason(for: ConversationMood()) == nil)
}

@Test func thresholdsAreConfigurable() {
    var strict = EscalationPolicy()
    strict.lastTurnThreshold = -0.3
    #expect(strict.reason(for: mood([-0.4])) == .strongNegativeTurn(score: -0.4))
}

@Test func analysedTurnsDriveEscalation() {
    let analyser = LexiconSentimentAnalyser()
    var conversation = ConversationMood()
    for turn in ["Hi, my bag did not arrive", "It is still missing after two days", "This is unacceptable!!! Worst airline ever 😡"] {
        conversation.record(analyser.analyse(turn))
    }
    #expect(EscalationPolicy().reason(for: conversation) != nil)
}
