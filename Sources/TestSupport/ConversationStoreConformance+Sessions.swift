// Serving sessions: the revision is a compare-and-set, the state is stored with personal values
// masked and text redacted, and a session goes with its conversation.
import ConversationStorage
import Foundation
import Testing

extension ConversationStoreConformance {
    /// A session saves at revision 0, then only at the next revision; a stale save changes nothing.
    public func checkSessionsCompareAndSetAndRedact() throws {
        let store = try fixture.makeStore()
        let conversation = try store.startConversation(Conversation(channel: .chat))
        #expect(try store.session(conversationID: conversation.id) == nil)
        let time = Date(timeIntervalSince1970: 1_800_000_000.5)
        let state = #"{"slots":[{"kind":"email","value":"ann@example.com"},{"kind":"order_id","value":"48213377"}],"#
            + #""turns":["call me on +44 20 7946 0958"]}"#
        var session = ConversationSession(conversationID: conversation.id, tokenHash: "ab12", stateJSON: state, updatedAt: time)
        #expect(try store.saveSession(session))
        #expect(try !store.saveSession(session), "a second first save loses")
        let stored = try store.session(conversationID: conversation.id)
        #expect(stored?.revision == 0 && stored?.tokenHash == "ab12")
        #expect(stored?.updatedAt.timeIntervalSince1970 == time.timeIntervalSince1970)
        let text = stored?.stateJSON ?? ""
        #expect(text.contains("48213377") && text.contains("{email}") && text.contains("{phone}"))
        #expect(!text.contains("ann@example.com") && !text.contains("7946"))

        session.revision = 1
        session.stateJSON = "{}"
        #expect(try store.saveSession(session))
        #expect(try !store.saveSession(session), "a stale revision is refused")
        session.revision = 3
        #expect(try !store.saveSession(session), "skipping a revision is refused")
        #expect(try store.session(conversationID: conversation.id)?.revision == 1)
        #expect(try store.session(conversationID: conversation.id)?.stateJSON == "{}")
        #expect(throws: StorageError.self) {
            try store.saveSession(ConversationSession(conversationID: UUID(), tokenHash: "x", stateJSON: "{}"))
        }
    }
}
