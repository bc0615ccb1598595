// Tests of reply-pair extraction from transcripts: context windows, better replies, corrected
// intents and skipped bad replies.
import FileFormats
import Foundation
import Testing

private func turn(_ role: TranscriptTurn.Role, _ text: String, intent: String? = nil, feedback: [TurnFeedback] = []) -> TranscriptTurn {
    TranscriptTurn(role: role, text: text, intent: intent, feedback: feedback)
}

private let transcript = Transcript(
    id: "x", channel: .chat, started: Date(timeIntervalSince1970: 0),
    turns: [
        turn(.agent, "Welcome!"),
        turn(.customer, "where is my order", intent: "order_status"),
        turn(.agent, "Number?"),
        turn(.customer, "48213377", intent: "order_status"),
        turn(.customer, "please hurry", intent: "order_status"),
        turn(.agent, "It ships today.", feedback: [.rating(good: true)]),
        turn(.customer, "refund me", intent: "order_status"),
        turn(.agent, "Sure.", feedback: [.correctedIntent("refund_status"), .betterReply("Your refund is on its way.")]),
        turn(.customer, "thanks", intent: "thanks"),
        turn(.agent, "Wrong reply", feedback: [.rating(good: false)]),
    ],
    location: SourceLocation(file: "t.jsonl", line: 1))

@Test func pairsFollowCustomerTurnsWithContextAndFeedback() {
    let pairs = transcript.replyPairs(maxContextTurns: 2)
    #expect(pairs.map(\.reply) == ["Number?", "It ships today.", "Your refund is on its way."])
    #expect(pairs.map(\.customer.text) == ["where is my order", "please hurry", "refund me"])
    #expect(pairs.map { $0.context.map(\.text) } == [["Welcome!"], ["Number?", "48213377"], ["please hurry", "It ships today."]])
    #expect(pairs.map(\.intent) == ["order_status", "order_status", "refund_status"])
    #expect(pairs.allSatisfy { $0.transcriptID == "x" })
}

@Test func contextCanBeEmptyAndEmptyTranscriptsGiveNoPairs() {
    #expect(transcript.replyPairs(maxContextTurns: 0).allSatisfy { $0.context.isEmpty })
    #expect(transcript.replyPairs(maxContextTurns: -3).count == 3)
    var empty = transcript
    empty.turns = []
    #expect(empty.replyPairs().isEmpty)
    #expect([transcript, transcript].replyPairs().count == 6)
}
