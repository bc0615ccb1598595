// Tests of ImplicitFeedback with known answers: which replies a negative turn, a hand-off,
// thanks or a positive turn judge, in transcripts and stored conversations, the counts, the
// review queue and the reply pairs left out of training.
import ConversationStorage
import FileFormats
import Foundation
import ModelLifecycle
import Primitives
import Sentiment
import Testing

/// Scores set per text (0 and neutral for others), so the answers do not depend on the lexicon.
private struct FixedSentiment: SentimentAnalyser {
    var scores: [String: Double]
    func analyse(_ text: String) -> SentimentResult {
        let score = scores[text] ?? 0
        return SentimentResult(label: score >= 0.1 ? .positive : score <= -0.1 ? .negative : .neutral, score: score)
    }
}

private let analyser = FixedSentiment(scores: [
    "this is useless": -0.9, "hmm, not quite": -0.3, "great, that's perfect": 0.8, "ok, fine": 0.2,
])

private func transcript(_ id: String, _ turns: [(TranscriptTurn.Role, String, String?)], status: ConversationStatus? = nil) -> Transcript {
    Transcript(id: id, channel: .chat, started: Date(timeIntervalSince1970: 1_772_442_840),
               turns: turns.map { TranscriptTurn(role: $0.0, text: $0.1, intent: $0.2) },
               location: SourceLocation(file: "t.jsonl", line: 1), status: status)
}

private func reference(_ conversation: String, _ turn: Int) -> ConversationTurnReference {
    ConversationTurnReference(conversation: conversation, turn: turn)
}

@Test func eachSignalJudgesTheReplyBeforeIt() {
    let conversation = transcript("a", [
        (.customer, "where is my order", nil),   // 0
        (.agent, "It shipped.", nil),             // 1 ← negative turn
        (.customer, "this is useless", nil),      // 2
        (.agent, "Sorry, which order?", nil),     // 3 ← mildly negative: nothing
        (.customer, "hmm, not quite", nil),       // 4
        (.agent, "Here is the tracking link.", nil),  // 5 ← positive turn
        (.customer, "great, that's perfect", nil),    // 6
        (.agent, "Anything else?", nil),          // 7 ← thanks (a mildly positive turn with "thank")
        (.customer, "ok, fine. Thank you!", nil), // 8
        (.agent, "Bye!", nil),                    // 9 last turn: not judged
    ])
    let report = ImplicitFeedback(analyser: analyser).judge([conversation])
    #expect(report.repliesJudged == 4)
    #expect(report.judgements.map(\.reply) == [reference("a", 1), reference("a", 5), reference("a", 7)])
    #expect(report.judgements.map(\.signal) == [.negativeTurn, .positiveTurn, .thanks])
    #expect(report.judgements.map(\.question) == [reference("a", 0), reference("a", 4), reference("a", 6)])
    #expect(report.judgements.map(\.next) == [reference("a", 2), reference("a", 6), reference("a", 8)])
    #expect(report.judgements.first?.score == -0.9)
    #expect((report.negativeCount, report.weakPositiveCount) == (1, 2))
    #expect(report.counts.map(\.count) == [4, 0, 1, 1, 1])
    #expect(report.counts.map(\.name) == ["replies_judged", "hand_off", "negative_turn", "thanks", "positive_turn"])
    #expect(report.reviewQueue.map(\.reply) == [reference("a", 1)])
    #expect(report.weakPositiveReplies == [reference("a", 5), reference("a", 7)])
}

@Test func aHandOffJudgesTheReplyBeforeTheLastCustomerTurnAndOutranksSentiment() {
    let handedOff = transcript("h", [
        (.customer, "refund please", "refund_status"),
        (.agent, "Your refund is on its way.", nil),     // 1 ← hand-off (even though the next turn is positive)
        (.customer, "great, that's perfect", nil),
        (.agent, "I'll pass you to a colleague.", nil),
    ], status: .handedOff)
    let asked = transcript("k", [
        (.customer, "hi", nil),
        (.agent, "Hello!", nil),                          // 1 ← the next turn asks for a person
        (.customer, "real person pls", "human_handoff"),
    ])
    let thanked = transcript("t", [(.customer, "hi", nil), (.agent, "Hello!", nil), (.customer, "cheers", "thanks")])
    let report = ImplicitFeedback(analyser: analyser).judge([handedOff, asked, thanked])
    #expect(report.judgements.map(\.signal) == [.handOff, .handOff, .thanks])
    #expect(report.judgements.map(\.reply) == [reference("h", 1), reference("k", 1), reference("t", 1)])
    #expect(report.count(.handOff) == 2 && report.negativeCount == 2)
}

@Test func negativeRepliesAreLeftOutOfTheReplyPairs() {
    let conversation = transcript("p", [
        (.customer, "where is my order", nil), (.agent, "It shipped.", nil),
        (.customer, "this is useless", nil), (.agent, "Sorry! Here is the tracking link.", nil),
        (.customer, "great, that's perfect", nil),
    ])
    let pairs = [conversation].replyPairs()
    #expect(pairs.map(\.agentTurn) == [1, 3])
    let kept = ImplicitFeedback(analyser: analyser).judge([conversation]).withoutNegativeReplies(pairs)
    #expect(kept.map(\.reply) == ["Sorry! Here is the tracking link."])
}

@Test func storedConversationsJudgeOnlyTheBotAndFindTheHandOff() {
    let conversation = Conversation(channel: .chat, startedAt: Date(timeIntervalSince1970: 1_800_000_000), status: .handedOff)
    func message(_ role: MessageRole, _ text: String) -> Message {
        Message(conversationID: conversation.id, role: role, text: text)
    }
    let messages = [
        message(.customer, "where is my order"),   // 0
        message(.bot, "It shipped."),              // 1 ← negative turn
        message(.system, "classifier v3"),
        message(.customer, "this is useless"),     // 2
        message(.bot, "Which order?"),             // 3 ← hand-off after turn 4
        message(.customer, "hmm, not quite"),      // 4
        message(.bot, "I'll pass you to a colleague."),  // 5
        message(.agent, "Hi, Sam here."),          // 6: a person, not judged
        message(.customer, "this is useless"),     // 7
    ]
    let report = ImplicitFeedback(analyser: analyser).judge(conversation: conversation, messages: messages)
    let id = conversation.id.uuidString.lowercased()
    #expect(report.repliesJudged == 2)
    #expect(report.judgements.map(\.reply) == [reference(id, 1), reference(id, 3)])
    #expect(report.judgements.map(\.signal) == [.negativeTurn, .handOff])
}

@Test func theLexiconReadsPlainCasesAsExpected() {
    let conversation = transcript("l", [
        (.customer, "where is my order", nil), (.agent, "It shipped.", nil),
        (.customer, "This is useless and unacceptable!!!", nil), (.agent, "Sorry.", nil),
        (.customer, "48213377", nil), (.agent, "Found it.", nil),
        (.customer, "Thanks a lot!", nil), (.agent, "Bye", nil),
        (.customer, "", nil), (.agent, "?", nil), (.customer, "😀😀 wonderful, love it", nil),
    ])
    let report = ImplicitFeedback(analyser: LexiconSentimentAnalyser()).judge([conversation])
    #expect(report.repliesJudged == 5)
    #expect(report.judgements.map(\.reply.turn) == [1, 5, 9])
    #expect(report.judgements.map(\.signal) == [.negativeTurn, .thanks, .positiveTurn])
}
