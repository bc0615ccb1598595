// Served turns: the messages, a hand-off and the session stored together, in step with single
// appends; a turn at a stale revision stores none of it.
import ConversationStorage
import Foundation
import Testing

extension ConversationStoreConformance {
    /// A turn appends its messages with the next seqs (redacted), ends the conversation when it
    /// hands off and moves the session; a stale revision changes nothing; a foreign message is refused.
    public func checkTurnsAreStoredWholeOrNotAtAll() throws {
        let store = try fixture.makeStore()
        let conversation = try store.startConversation(Conversation(channel: .chat))
        let id = conversation.id
        let time = Date(timeIntervalSince1970: 1_800_000_000.25)
        var session = ConversationSession(conversationID: id, tokenHash: "ab12", stateJSON: "{}", updatedAt: time)
        #expect(try store.saveSession(session))

        let first = [Message(conversationID: id, role: .customer, text: "where is my order? ann@example.com", createdAt: time),
                     Message(conversationID: id, role: .bot, text: "Let me look.", replySource: .template, createdAt: time)]
        session.revision = 1
        session.stateJSON = #"{"turn":1}"#
        #expect(try store.saveTurn(SessionTurn(messages: first, time: time, session: session)))
        let stale = [Message(conversationID: id, role: .customer, text: "a second answer to the same turn", createdAt: time)]
        #expect(try !store.saveTurn(SessionTurn(messages: stale, endingStatus: .handedOff, time: time, session: session)),
                "a stale revision is refused")

        let later = time.addingTimeInterval(30)
        let second = [Message(conversationID: id, role: .customer, text: "a human please", createdAt: later),
                      Message(conversationID: id, role: .bot, text: "Passing you to a colleague.", createdAt: later)]
        session.revision = 2
        session.stateJSON = #"{"turn":2}"#
        #expect(try store.saveTurn(SessionTurn(messages: second, endingStatus: .handedOff, time: later, session: session)))
        let agent = try store.appendMessage(Message(conversationID: id, role: .agent, text: "Hello, Sam here.", createdAt: later))

        let messages = try store.messages(conversationID: id)
        #expect(messages.map(\.id) == (first + second).map(\.id) + [agent.id])
        #expect(messages.map(\.seq) == [1, 2, 3, 4, 5], "single appends continue the turns' seqs")
        #expect(!messages[0].text.contains("ann@example.com"))
        #expect(messages[1].replySource == .template)
        let stored = try store.conversation(id: id)
        #expect(stored?.status == .handedOff && stored?.messageCount == 5)
        #expect(stored?.endedAt?.timeIntervalSince1970 == later.timeIntervalSince1970)
        #expect(try store.session(conversationID: id)?.revision == 2)
        #expect(try store.session(conversationID: id)?.stateJSON == #"{"turn":2}"#)

        session.revision = 3
        let foreign = [Message(conversationID: UUID(), role: .customer, text: "elsewhere", createdAt: later)]
        #expect(throws: StorageError.self) { try store.saveTurn(SessionTurn(messages: foreign, time: later, session: session)) }
        #expect(try store.messages(conversationID: id).count == 5)
    }
}
