// The decayed mood level and the trend slope over a customer's turns.
import Sentiment
import Testing

@Test func emptyConversationIsNeutralAndFlat() {
    let mood = ConversationMood()
    #expect(mood.level == 0)
    #expect(mood.trend == 0)
    #expect(mood.lastScore == nil)
}

@Test func levelIsTheDecayedAverage() {
    var mood = ConversationMood(decay: 0.5)
    mood.record(1)
    mood.record(-1)
    // weights: latest 1, previous 0.5 → (-1 + 0.5) / 1.5
    #expect(abs(mood.level - (-0.5 / 1.5)) < 1e-12)
}

@Test func recentTurnsWeighMore() {
    var souring = ConversationMood()
    var improving = ConversationMood()
    for score in [0.8, 0.2, -0.5] { souring.record(score) }
    for score in [-0.5, 0.2, 0.8] { improving.record(score) }
    #expect(souring.level < improving.level)
}

@Test func trendIsTheSlopeOfTheLastTurns() {
    var mood = ConversationMood(trendWindow: 3)
    for score in [0.9, 0.0, -0.2, -0.4] { mood.record(score) }
    // last three: -0.0, -0.2, -0.4 → slope -0.2 per turn
    #expect(abs(mood.trend - -0.2) < 1e-12)
    var single = ConversationMood()
    single.record(-1)
    #expect(single.trend == 0)
}

@Test func nonFiniteAndOutOfRangeScoresAreTamed() {
    var mood = ConversationMood(decay: .nan)
    mood.record(.infinity)
    mood.record(-7)
    #expect(mood.scores == [0, -1])
    #expect(mood.level.isFinite)
}
