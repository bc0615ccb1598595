// A server's turn (`respond(to:savingSession:)`): the messages, a hand-off and the session go to
// the store together; a session another replica moved on stores nothing of the turn.
import ConversationStorage
import Dialogue
import Foundation
import Testing

@Test func aServedTurnStoresItsMessagesWithTheSessionOrNothing() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("chatbot-served-\(UUID().uuidString)/chat.sqlite").path
    let store = try SQLiteConversationStore(path: path, fsyncEveryCommit: false)
    let catalog = try demoCatalog.get()
    let engine = DialogueEngine(catalog: catalog, understanding: ExampleMatchingUnderstanding(catalog: catalog), store: store)
    let conversation = try store.startConversation(Conversation(channel: .chat))
    #expect(try store.saveSession(ConversationSession(conversationID: conversation.id, tokenHash: "h", stateJSON: "{}")))
    func session(_ revision: Int) -> ConversationSession {
        ConversationSession(conversationID: conversation.id, tokenHash: "h", stateJSON: #"{"turn":\#(revision)}"#, revision: revision)
    }
    engine.resume(DialogueCheckpoint(conversation: conversation, state: DialogueState()))

    var seen: DialogueCheckpoint?
    let first = engine.respond(to: "where is my order?") { next in
        seen = next
        return session(1)
    }
    #expect(first.saved && first.result.storageError == nil)
    #expect(seen?.state.pendingIntent == "order_status", "the session is made of the state after the turn")
    let stored = try store.messages(conversationID: conversation.id)
    #expect(stored.map(\.role) == [.customer, .bot])
    #expect(stored.last?.id == seen?.lastBotMessageID)
    #expect(try store.session(conversationID: conversation.id)?.stateJSON == #"{"turn":1}"#)

    let stale = engine.respond(to: "it's 48213377") { _ in session(1) }
    #expect(!stale.saved && stale.result.storageError == nil, "another replica answered first: nothing stored, no store error")
    #expect(try store.messages(conversationID: conversation.id).count == 2)

    let angry = engine.respond(to: "This is unacceptable!!! Worst service ever, I am furious") { _ in session(2) }
    #expect(angry.saved && angry.result.handedOff)
    #expect(try store.messages(conversationID: conversation.id).count == 4)
    #expect(try store.conversation(id: conversation.id)?.status == .handedOff)
}
