// Keeps every answered ticket in the conversation store (channel `ticket`) so that it feeds the
// feedback loop like a chat: the ticket as the customer's message, the reply as the bot's, the
// conversation closed or handed off. Ids are derived from the ticket's key, so a re-run stores
// nothing twice; the store redacts personal data.
import ConversationStorage
import FileFormats
import Foundation

/// Writes answered tickets to a conversation store.
public struct TicketArchive: Sendable {
    /// The store written to.
    public let store: any ConversationStore

    /// An archive writing to `store`.
    public init(store: any ConversationStore) { self.store = store }

    /// Stores `answer` as a conversation of two messages.
    public func store(_ answer: TicketAnswer, at time: Date = Date()) throws(StorageError) {
        let name = "ticket:\(answer.location.file):\(answer.id)"
        let conversation = Conversation(id: NameBasedUUID.v5(name), channel: .ticket, startedAt: time,
                                        customerRef: answer.customer)
        try store.startConversation(conversation)
        let entities = answer.entities.map { ["kind": $0.kind, "value": $0.value, "text": $0.text] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let entitiesJSON = (try? encoder.encode(entities)).flatMap { String(data: $0, encoding: .utf8) } ?? "[]"
        try store.appendMessage(Message(
            id: NameBasedUUID.v5(name + ":customer"), conversationID: conversation.id, role: .customer, text: answer.text,
            intent: answer.outOfScope ? nil : answer.intent, confidence: answer.confidence, entitiesJSON: entitiesJSON,
            sentimentLabel: answer.sentimentLabel, sentimentScore: answer.sentimentScore,
            modelVersion: answer.modelVersion, createdAt: time))
        try store.appendMessage(Message(
            id: NameBasedUUID.v5(name + ":reply"), conversationID: conversation.id, role: .bot, text: answer.reply,
            intent: answer.intents.first, replySource: ReplySource(rawValue: answer.replySource),
            modelVersion: answer.modelVersion, latencyMilliseconds: answer.latencyMilliseconds, createdAt: time))
        try store.endConversation(id: conversation.id, status: answer.route == .human ? .handedOff : .closed, at: time)
    }
}
