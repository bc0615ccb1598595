// The stored dialogue state survives the store's redaction: long mood scores (which would read as
// phone numbers), slots and turns come back; personal slots come back masked and are dropped.
import ConversationStorage
import Dialogue
import FileFormats
import Foundation
import LanguageModeling
import Sentiment
import Serving
import Testing
import TestSupport

@Test func theStateRoundTripsThroughTheStoresRedaction() throws {
    let fixture = try #require(try StoreFixture.make(.sqlite))
    let store = try fixture.makeStore()
    let conversation = try store.startConversation(Conversation(channel: .chat))
    var state = DialogueState(contextLimit: 6)
    state.mood.record(-0.123456789012)
    state.mood.record(0.987654321098)
    state.slots = [.orderID: "48213377", .email: "ann@example.com"]
    state.pendingIntent = "order_status"
    state.consecutiveMisses = 1
    state.templateUses = ["greeting": 2]
    state.remember(ConversationTurn(speaker: .customer, text: "mail ann@example.com about 48213377 🙂"))
    let checkpoint = DialogueCheckpoint(conversation: conversation, state: state, lastCustomerMessageID: UUID(), lastBotMessageID: UUID())
    let session = ConversationSession(conversationID: conversation.id, tokenHash: "h", stateJSON: SessionState(checkpoint).encoded())
    #expect(try store.saveSession(session))
    let stored = try #require(try store.session(conversationID: conversation.id))
    let restored = try SessionState.decoded(stored.stateJSON).checkpoint(conversation, contextLimit: 6)
    #expect(restored.state.mood.scores == [-0.1235, 0.9877])
    #expect(restored.state.slots == [.orderID: "48213377"], "the masked e-mail slot is dropped")
    #expect(restored.state.recentTurns.first?.text == "mail {email} about 48213377 🙂")
    #expect(restored.state.pendingIntent == "order_status" && restored.state.consecutiveMisses == 1)
    #expect(restored.state.templateUses == ["greeting": 2])
    #expect(restored.lastCustomerMessageID == checkpoint.lastCustomerMessageID)
    #expect(throws: ServingError.self) { try SessionState.decoded("{}") }
}

@Test func messageIDsSurviveRedactionWhateverTheirDigits() throws {
    let fixture = try #require(try StoreFixture.make(.sqlite))
    let store = try fixture.makeStore()
    let conversation = try store.startConversation(Conversation(channel: .chat))
    let digitHeavy = try #require(UUID(uuidString: "12345678-1234-5678-9012-345678901234"))
    let checkpoint = DialogueCheckpoint(conversation: conversation, state: DialogueState(), lastCustomerMessageID: digitHeavy,
                                        lastBotMessageID: digitHeavy)
    #expect(try store.saveSession(ConversationSession(conversationID: conversation.id, tokenHash: "h",
                                                      stateJSON: SessionState(checkpoint).encoded())))
    let stored = try #require(try store.session(conversationID: conversation.id))
    #expect(!stored.stateJSON.contains("{phone}"))
    let restored = try SessionState.decoded(stored.stateJSON).checkpoint(conversation, contextLimit: 6)
    #expect(restored.lastCustomerMessageID == digitHeavy && restored.lastBotMessageID == digitHeavy)
}
