// The engine end to end on the demo intents with the example matcher and a temporary SQLite
// store: the scripted conversation, hand-offs, failures inside a turn, and feedback.
import ConversationStorage
import Dialogue
import FileFormats
import Foundation
import LanguageModeling
import Primitives
import Sentiment
import Testing

/// An understanding that replays scripted readings and can be told to fail.
final class ScriptedUnderstanding: LanguageUnderstanding {
    struct Failure: Error {}
    var readings: [Understanding]
    var failNext = false
    var generated: String?
    let modelVersion = "scripted-1"

    init(_ readings: [Understanding], generated: String? = nil) {
        self.readings = readings
        self.generated = generated
    }

    func analyse(_ text: String, context: [ConversationTurn]) throws -> Understanding {
        if failNext {
            failNext = false
            throw Failure()
        }
        return readings.isEmpty ? Understanding(intent: "greeting", confidence: 1) : readings.removeFirst()
    }

    func generateReply(intent: String, text: String, context: [ConversationTurn]) throws -> String? { generated }
}

private func temporaryStore() throws -> SQLiteConversationStore {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("chatbot-engine-\(UUID().uuidString)/chat.sqlite").path
    return try SQLiteConversationStore(path: path, policy: StoragePolicy(redactor: .disabled), fsyncEveryCommit: false)
}

private let matcher = Result { ExampleMatchingUnderstanding(catalog: try demoCatalog.get()) }

@Test func theScriptedConversationFillsTheOrderSlotAndStoresEveryTurn() throws {
    let store = try temporaryStore()
    let engine = DialogueEngine(catalog: try demoCatalog.get(), understanding: try matcher.get(), store: store)
    let greeting = engine.respond(to: "hello there")
    #expect(greeting.intent == "greeting")
    let ask = engine.respond(to: "where is my order?")
    #expect(ask.move == .askSlot(.orderID))
    #expect(ask.intent == "order_status")
    let answer = engine.respond(to: "it's 48213377")
    #expect(answer.intent == "order_status")
    #expect(answer.move == .answer)
    #expect(answer.reply.contains("48213377"))
    let cancel = engine.respond(to: "please cancel it")
    #expect(cancel.intent == "cancel_order")
    #expect(cancel.reply.contains("48213377"))
    let angry = engine.respond(to: "This is unacceptable!!! Worst service ever, I am furious")
    #expect(angry.handedOff)
    #expect(angry.sentiment.label == .negative)

    let id = try #require(greeting.conversationID as UUID?)
    #expect([ask, answer, cancel, angry].allSatisfy { $0.conversationID == id })
    let messages = try store.messages(conversationID: id)
    #expect(messages.count == 10)
    #expect(messages.map(\.role) == Array(repeating: [MessageRole.customer, .bot], count: 5).flatMap { $0 })
    let customer = messages.filter { $0.role == .customer }
    #expect(customer.allSatisfy { $0.intent != nil && $0.sentimentLabel != nil && $0.sentimentScore != nil && $0.confidence != nil })
    #expect(customer[2].entitiesJSON?.contains("\"order_id\"") == true)
    let bot = messages.filter { $0.role == .bot }
    #expect(bot.allSatisfy { $0.replySource != nil && $0.latencyMilliseconds != nil && $0.modelVersion == engine.modelVersion })
    #expect(bot[2].text.contains("48213377"))
    #expect(try store.conversation(id: id)?.status == .handedOff)
}

@Test func twoMissesInARowHandOffAndTheNextMessageStartsANewConversation() throws {
    let store = try temporaryStore()
    let engine = DialogueEngine(catalog: try demoCatalog.get(), understanding: try matcher.get(), store: store)
    let first = engine.respond(to: "qwxz vbnm plokk")
    #expect(first.move == .rephrase)
    #expect(first.reply.contains("rephrase"))
    let second = engine.respond(to: "zzzq frrp")
    #expect(second.move == .handOff(.repeatedMisses))
    #expect(try store.conversation(id: second.conversationID)?.status == .handedOff)
    let next = engine.respond(to: "hi")
    #expect(next.conversationID != second.conversationID)
    #expect(engine.state.consecutiveMisses == 0)
}

@Test func aFailingTurnApologisesKeepsTheMemoryAndTheSessionGoesOn() throws {
    let store = try temporaryStore()
    let scripted = ScriptedUnderstanding([Understanding(intent: "order_status", confidence: 0.9),
                                          Understanding(intent: "order_status", confidence: 0.9)])
    let engine = DialogueEngine(catalog: try demoCatalog.get(), understanding: scripted, store: store)
    _ = engine.respond(to: "where is my order")
    let before = engine.state
    scripted.failNext = true
    let failed = engine.respond(to: "hmm")
    #expect(failed.error != nil)
    #expect(failed.reply == DialogueEngine.errorReply)
    #expect(engine.state.pendingIntent == before.pendingIntent)
    #expect(engine.state.slots == before.slots)
    let recovered = engine.respond(to: "48213377")
    #expect(recovered.error == nil)
    #expect(recovered.reply.contains("48213377"))
    #expect(try store.messages(conversationID: recovered.conversationID).count == 6)
}

@Test func aGoodGeneratedReplyIsStoredAsGenerated() throws {
    let store = try temporaryStore()
    let scripted = ScriptedUnderstanding([], generated: "Hi! What can I do for you today?")
    let engine = DialogueEngine(catalog: try demoCatalog.get(), understanding: scripted, store: store)
    let result = engine.respond(to: "hey")
    #expect(result.source == .generated)
    #expect(try store.messages(conversationID: result.conversationID).last?.replySource == .generated)
}

@Test func feedbackGoesToTheRightMessages() throws {
    let store = try temporaryStore()
    let engine = DialogueEngine(catalog: try demoCatalog.get(), understanding: try matcher.get(), store: store)
    let early = #expect(throws: DialogueError.self) { try engine.rateLastReply(good: true) }
    #expect(early == .invalidFeedback("there is no reply to give feedback on yet"))
    let turn = engine.respond(to: "hello")
    let messages = try store.messages(conversationID: turn.conversationID)
    let rating = try engine.rateLastReply(good: false)
    let correction = try engine.correctLastIntent("store_hours")
    let better = try engine.suggestReply("  Hi! How can I help?  ")
    #expect(rating.messageID == messages[1].id && rating.value == "down" && rating.kind == .rating)
    #expect(correction.messageID == messages[0].id && correction.kind == .correctedIntent)
    #expect(better.messageID == messages[1].id && better.value == "Hi! How can I help?")
    let unknown = #expect(throws: DialogueError.self) { try engine.correctLastIntent("nope") }
    #expect(unknown == .invalidFeedback("unknown intent 'nope'"))
    let empty = #expect(throws: DialogueError.self) { try engine.suggestReply(" ") }
    #expect(empty == .invalidFeedback("the better reply is empty"))
    #expect(try store.feedback(since: nil).count == 3)
}

@Test func startingANewConversationClosesTheOldOne() throws {
    let store = try temporaryStore()
    let engine = DialogueEngine(catalog: try demoCatalog.get(), understanding: try matcher.get(), store: store)
    try engine.startNewConversation()  // nothing started yet: no-op
    let first = engine.respond(to: "hello")
    try engine.startNewConversation()
    #expect(try store.conversation(id: first.conversationID)?.status == .closed)
    #expect(engine.conversationID == nil)
    let second = engine.respond(to: "hello")
    #expect(second.conversationID != first.conversationID)
    #expect(engine.state.recentTurns.count == 2)
}
