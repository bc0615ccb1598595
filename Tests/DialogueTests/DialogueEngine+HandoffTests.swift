// Issue 11, part 3: a plain, answerable question after a muddled message is answered, not handed
// to a human; the issue's conversation and a few from the demo transcripts, with the example
// matcher and the lexicon (the engine's reading without a model).
import Dialogue
import FileFormats
import ConversationStorage
import Foundation
import Sentiment
import Testing

/// The customer turns of `conversation` through a fresh engine on the demo intents.
private func run(_ conversation: [String]) throws -> [TurnResult] {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("chatbot-handoff-\(UUID().uuidString)/chat.sqlite").path
    let store = try SQLiteConversationStore(path: path, fsyncEveryCommit: false)
    let catalog = try demoCatalog.get()
    let engine = DialogueEngine(catalog: catalog, understanding: ExampleMatchingUnderstanding(catalog: catalog), store: store)
    return conversation.map { engine.respond(to: $0) }
}

@Test func theIssuesOrderQuestionAfterACardNumberIsAnswered() throws {
    let turns = try run(["hello", "my card is 4111 1111 1111 1111 and my mail is bob.smith@example.com",
                         "where is my order 12345678?", "thanks, bye"])
    let question = turns[2]
    #expect(!question.handedOff)
    #expect(question.move == .answer)
    #expect(question.intent == "order_status")
    #expect(question.reply.contains("12345678"))
    #expect(turns.allSatisfy { !$0.handedOff })
}

/// Demo transcripts (conversations/) where a plain request or answer follows an upset message.
private let upsetThenPlain: [(id: String, turns: [String])] = [
    ("demo-0033", ["why is my account suspended?? I haven't done anything", "priya.n@example.com",
                   "a few hours? I need to check an order now", "33650291"]),
    ("demo-0017", ["where is my refund, i sent the sleeping bag back 2 weeks ago", "ORD-77420913",
                   "ok so it should be there by next week"]),
    ("demo-0008", ["tracking says delivered but there's no parcel here", "62091847. checked with the neighbours too",
                   "ok. thanks I guess"]),
    ("demo-0019", ["my tent arrived with a snapped pole 😡", "40918275", "replacement please, I'm going camping on the 20th",
                   "thanks so so much"]),
]

@Test(arguments: upsetThenPlain.map(\.id))
func aDemoConversationWithoutAngerIsNotHandedOff(id: String) throws {
    let conversation = try #require(upsetThenPlain.first { $0.id == id })
    let turns = try run(conversation.turns)
    for (text, turn) in zip(conversation.turns, turns) {
        #expect(!turn.handedOff, "\(id): \(text) → \(turn.moveName)")
    }
}

@Test func angerOverSeveralTurnsStillHandsOff() throws {
    // Lexicon scores -0.08, -0.61, -0.83: none alone reaches the engine's -0.85.
    let turns = try run(["where is my order 12345678?", "still waiting for my order 12345678", "this is so slow and frustrating"])
    #expect(turns.prefix(2).allSatisfy { !$0.handedOff })
    let last = try #require(turns.last)
    guard case .handOff(.sentiment(.decliningMood(_, _))) = last.move else {
        Issue.record("expected a hand-off for a falling mood, got \(last.moveName)")
        return
    }
}

@Test func fortyPlainOrderQuestionsAreAllAnswered() throws {
    let turns = try run((0..<40).map { "where is my order \(12_340_000 + $0 * 7)?" })
    #expect(turns.filter(\.handedOff).isEmpty)
    #expect(turns.allSatisfy { $0.move == .answer })
}

@Test func twoUnsureTurnsHandOffAsNotUnderstoodAndStoreNoIntent() throws {
    // Issue 11: the second unsure turn was read as `complaint` at 0.38 and answered "I've
    // recorded your complaint"; it is a second miss, said as such, with no intent stored.
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("chatbot-handoff-\(UUID().uuidString)/chat.sqlite").path
    let store = try SQLiteConversationStore(path: path, fsyncEveryCommit: false)
    let readings = [Understanding(intent: "goodbye", confidence: 0.2, isOutOfScope: true),
                    Understanding(intent: "complaint", confidence: 0.38)]
    let engine = DialogueEngine(catalog: try demoCatalog.get(), understanding: ScriptedUnderstanding(readings), store: store)
    #expect(engine.respond(to: "blorp").move == .rephrase)
    let second = engine.respond(to: "blorp wibble")
    #expect(second.move == .handOff(.repeatedMisses))
    #expect(second.intent == nil)
    #expect(!second.reply.contains("complaint"))
    #expect(second.reply.contains("don't understand") && second.reply.contains("colleague"))
    let messages = try store.messages(conversationID: second.conversationID)
    #expect(messages.count == 4)
    #expect(messages.allSatisfy { $0.intent == nil }, "\(messages.map(\.intent))")
    #expect(try store.conversation(id: second.conversationID)?.status == .handedOff)
}

@Test func aConfidentComplaintStillHandsOffWithItsReply() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("chatbot-handoff-\(UUID().uuidString)/chat.sqlite").path
    let store = try SQLiteConversationStore(path: path, fsyncEveryCommit: false)
    let engine = DialogueEngine(catalog: try demoCatalog.get(),
                                understanding: ScriptedUnderstanding([Understanding(intent: "complaint", confidence: 0.9)]), store: store)
    let turn = engine.respond(to: "I want to make a formal complaint about your courier")
    #expect(turn.move == .handOff(.intentRequiresHuman))
    #expect(turn.intent == "complaint")
    #expect(try store.messages(conversationID: turn.conversationID).first?.intent == "complaint")
}
