// Tests of TranscriptReader: the repository's conversations load against its intents, and
// malformed objects are reported with file and line.
import FileFormats
import Foundation
import Primitives
import Testing
import TestSupport

private let valid = #"{"id": "t-1", "channel": "chat", "started": "2026-03-02T09:14:00Z", "turns": [{"role": "customer", "text": "where is my order", "intent": "order_status", "sentiment": "neutral"}, {"role": "agent", "text": "What's the number?", "feedback": [{"kind": "rating", "value": "bad"}, {"kind": "better_reply", "value": "Could you tell me your order number?"}, {"kind": "corrected_intent", "value": "track_package"}]}]}"#

@Test func theRepositorysConversationsLoadAndProducePairs() throws {
    let root = TestFixtures.repositoryRoot
    let intents = try IntentCatalog.load(from: root.appendingPathComponent("intents"))
    let transcripts = try TranscriptReader.load(from: root.appendingPathComponent("conversations"),
                                                knownIntents: Set(intents.intents.map(\.name)))
    #expect(transcripts.count >= 50)
    #expect(Set(transcripts.map(\.id)).count == transcripts.count)
    let first = try #require(transcripts.first { $0.id == "demo-0001" })
    #expect(first.location == SourceLocation(file: "conversations/orders.jsonl", line: 1))
    #expect(first.channel == .chat)
    #expect(first.started == Date(timeIntervalSince1970: 1_772_442_840))
    #expect(first.turns[0].sentiment == .neutral)
    #expect(first.turns[2].text == "48213377")
    let pairs = transcripts.replyPairs()
    #expect(pairs.count > transcripts.count)
    #expect(pairs.allSatisfy { !$0.reply.isEmpty && $0.customer.role == .customer })
    #expect(transcripts.flatMap(\.turns).contains { !$0.feedback.isEmpty })
}

@Test func aValidLineDecodesEveryField() throws {
    let transcripts = try TranscriptReader.parse(valid + "\n", file: "t.jsonl")
    #expect(transcripts.count == 1)
    let turns = transcripts[0].turns
    #expect(turns.map(\.role) == [.customer, .agent])
    #expect(turns[0].intent == "order_status")
    #expect(turns[1].feedback == [.rating(good: false), .betterReply("Could you tell me your order number?"), .correctedIntent("track_package")])
}

@Test func malformedConversationsAreReportedWithFileAndLine() {
    let lines = [
        valid,
        "",
        "not json",
        #"{"id": "t-2", "channel": "fax", "started": "2026-03-02 09:14", "turns": [], "extra": 1}"#,
        #"{"id": "t-3", "channel": "sms", "started": "2026-03-02T09:14:00Z", "turns": [{"role": "customer", "text": "hi"}, {"role": "bot", "text": "x"}, {"role": "agent", "text": "Order {order_id}", "intent": "x"}]}"#,
        #"{"id": "t-4", "channel": "web", "started": "2026-03-02T09:14:00Z", "turns": [{"role": "customer", "text": "hi", "intent": "nope", "sentiment": "angry"}, {"role": "agent", "text": "ok", "feedback": [{"kind": "rating", "value": "meh"}, {"kind": "stars", "value": "5"}]}]}"#,
        valid,
    ]
    let found = TestFixtures.problems {
        _ = try TranscriptReader.parse(lines.joined(separator: "\n"), file: "c.jsonl", knownIntents: ["order_status", "track_package"])
    }.map(\.description)
    #expect(found.contains("c.jsonl:2: blank line"))
    #expect(found.contains("c.jsonl:3: line is not valid JSON"))
    #expect(found.contains("c.jsonl:4: conversation: unexpected key \"extra\""))
    #expect(found.contains("c.jsonl:4: unknown channel \"fax\" (chat, email, whatsapp, sms or web)"))
    #expect(found.contains { $0.hasPrefix("c.jsonl:4: started \"2026-03-02 09:14\" is not") })
    #expect(found.contains("c.jsonl:4: turns is empty"))
    #expect(found.contains("c.jsonl:5: turn 2: unknown role \"bot\" (customer or agent)"))
    #expect(found.contains("c.jsonl:5: turn 3: text contains placeholder {order_id}; transcripts hold filled-in text"))
    #expect(found.contains("c.jsonl:5: turn 3 (agent): unexpected key \"intent\""))
    #expect(found.contains("c.jsonl:6: turn 1: unknown intent \"nope\""))
    #expect(found.contains("c.jsonl:6: turn 1: unknown sentiment \"angry\" (negative, neutral or positive)"))
    #expect(found.contains("c.jsonl:6: turn 2: rating must be \"good\" or \"bad\", not \"meh\""))
    #expect(found.contains { $0.hasPrefix("c.jsonl:6: turn 2: unknown feedback kind \"stars\"") })
    #expect(found.contains("c.jsonl:7: duplicate conversation id \"t-1\" (also in c.jsonl:1)"))
    #expect(found.count == 14)
}

@Test func timestampsMustBeExactUTCSeconds() {
    #expect(TranscriptObjectDecoder.parseTimestamp("2026-03-02T09:14:00Z") == Date(timeIntervalSince1970: 1_772_442_840))
    #expect(TranscriptObjectDecoder.parseTimestamp("2026-02-30T09:14:00Z") == nil)
    #expect(TranscriptObjectDecoder.parseTimestamp("2026-03-02T09:14:00+01:00") == nil)
    #expect(TranscriptObjectDecoder.parseTimestamp("2026-03-02T25:14:00Z") == nil)
    #expect(TranscriptObjectDecoder.parseTimestamp("") == nil)
}
