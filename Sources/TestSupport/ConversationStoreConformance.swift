// The one conformance suite every ConversationStore backend runs (STYLE rule 17): migrations,
// round trips of every table, concurrency, injection and size limits, redaction, the ticket queue.
import ConversationStorage
import Foundation
import Testing

/// Checks that a backend behaves as `ConversationStore` promises. Each check opens its own
/// store instances on the fixture's isolated database.
public struct ConversationStoreConformance: Sendable {
    /// The database under test.
    public let fixture: StoreFixture

    /// A suite over `fixture`.
    public init(fixture: StoreFixture) { self.fixture = fixture }

    /// Migrations apply from empty, are recorded, and re-opening applies nothing and keeps data.
    public func checkMigrationsFromEmptyAndReopen() throws {
        let first = try fixture.makeStore()
        let versions = try first.appliedMigrations()
        #expect(!versions.isEmpty)
        #expect(versions == Array(1...versions.count))
        let conversation = try first.startConversation(Conversation(channel: .chat))
        for _ in 0..<2 {
            let again = try fixture.makeStore()
            #expect(try again.appliedMigrations() == versions)
            #expect(try again.conversation(id: conversation.id) == conversation)
        }
    }

    /// Conversations, messages and feedback come back exactly as returned when stored.
    public func checkConversationsMessagesAndFeedbackRoundTrip() throws {
        let store = try fixture.makeStore()
        let start = Date(timeIntervalSince1970: 1_800_000_000.123456)
        let stored = try store.startConversation(Conversation(
            channel: .ticket, startedAt: start, customerRef: "cust-42 ünï 🙂"))
        #expect(stored.status == .open && stored.messageCount == 0 && stored.channel == .ticket)
        #expect(stored.startedAt.timeIntervalSince1970 == start.timeIntervalSince1970)
        let customer = try store.appendMessage(Message(
            conversationID: stored.id, role: .customer, text: "Where is my order ORD-1234?", intent: "order_status",
            confidence: 0.8125, entitiesJSON: #"{"order_id":"ORD-1234"}"#, sentimentLabel: "negative",
            sentimentScore: -0.375, modelVersion: "v1", createdAt: start.addingTimeInterval(1)))
        let reply = try store.appendMessage(Message(
            conversationID: stored.id, role: .bot, text: "It ships tomorrow.", replySource: .template,
            modelVersion: "v1", latencyMilliseconds: 12.5, createdAt: start.addingTimeInterval(2)))
        #expect(customer.seq == 1 && reply.seq == 2)
        #expect(try store.messages(conversationID: stored.id) == [customer, reply])
        #expect(try store.appendMessage(customer) == customer, "appending the same id again is a no-op")
        #expect(try store.messages(conversationID: stored.id).count == 2)

        try store.endConversation(id: stored.id, status: .handedOff, at: start.addingTimeInterval(3))
        let ended = try store.conversation(id: stored.id)
        #expect(ended?.status == .handedOff && ended?.messageCount == 2)
        #expect(ended?.endedAt?.timeIntervalSince1970 == start.addingTimeInterval(3).timeIntervalSince1970)
        #expect(throws: StorageError.self) { try store.endConversation(id: UUID(), status: .closed, at: start) }
        #expect(throws: StorageError.self) {
            try store.appendMessage(Message(conversationID: UUID(), role: .customer, text: "orphan"))
        }

        var feedback: [Feedback] = []
        for (kind, value) in [(FeedbackKind.rating, "4"), (.correctedIntent, "shipping_time"), (.betterReply, "Tomorrow, by noon.")] {
            feedback.append(try store.recordFeedback(Feedback(
                messageID: reply.id, kind: kind, value: value, author: "agent-7",
                createdAt: start.addingTimeInterval(Double(4 + feedback.count)))))
        }
        #expect(try store.feedback(messageID: reply.id) == feedback)
        #expect(try store.feedback(since: start.addingTimeInterval(5)) == Array(feedback.dropFirst()))
        #expect(try store.feedback(messageID: customer.id).isEmpty)

        let later = try store.startConversation(Conversation(channel: .import, startedAt: start.addingTimeInterval(60)))
        let late = try store.appendMessage(Message(conversationID: later.id, role: .customer, text: "hi",
                                                   createdAt: start.addingTimeInterval(61)))
        #expect(try store.conversations(since: start.addingTimeInterval(30), limit: nil).map(\.id) == [later.id])
        #expect(try store.conversations(since: nil, limit: 1).map(\.id) == [stored.id])
        #expect(try store.messages(since: start.addingTimeInterval(1.5), limit: nil) == [reply, late])
        #expect(try store.messages(since: nil, limit: 1) == [customer])
    }

    /// Model versions: save, read, activate (one at a time), set status, delete.
    public func checkModelVersionsRoundTrip() throws {
        let store = try fixture.makeStore()
        let time = Date(timeIntervalSince1970: 1_800_000_000)
        let base = ModelVersion(id: "v1", createdAt: time, path: "models/v1", metricsJSON: #"{"accuracy":0.91}"#)
        let child = ModelVersion(id: "v2", parentID: "v1", createdAt: time.addingTimeInterval(1), path: "models/v2",
                                 dataHash: "00ff00ff00ff00ff")
        try store.saveModelVersion(base)
        try store.saveModelVersion(child)
        #expect(try store.modelVersions() == [base, child])
        #expect(try store.modelVersion(id: "v2") == child)
        #expect(try store.modelVersion(id: "nope") == nil)

        try store.activateModelVersion(id: "v1")
        try store.activateModelVersion(id: "v2")
        #expect(try store.modelVersions().map(\.status) == [.retired, .active])
        var updated = base
        updated.metricsJSON = #"{"accuracy":0.93}"#
        updated.status = .active
        try store.saveModelVersion(updated)
        #expect(try store.modelVersions().map(\.status) == [.active, .retired], "saving as active retires the other")
        #expect(try store.modelVersion(id: "v1")?.metricsJSON == updated.metricsJSON)
        try store.setModelVersionStatus(id: "v1", status: .candidate)
        #expect(try store.modelVersion(id: "v1")?.status == .candidate)
        try store.setModelVersionStatus(id: "v2", status: .rejected)
        #expect(try store.modelVersion(id: "v2")?.status == .rejected)
        #expect(try store.modelVersion(id: "v2")?.dataHash == "00ff00ff00ff00ff")

        #expect(throws: StorageError.self) { try store.activateModelVersion(id: "missing") }
        let parentInUse = #expect(throws: StorageError.self) { try store.deleteModelVersion(id: "v1") }
        #expect(parentInUse?.isConstraintViolation == true)
        try store.deleteModelVersion(id: "v2")
        try store.deleteModelVersion(id: "v1")
        #expect(try store.modelVersions().isEmpty)
    }

    /// Personal data is replaced before storage when redaction is on and kept when it is off.
    public func checkRedactionBeforeStorage() throws {
        let text = "Mail jane.doe@example.com, card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00."
        let redacted = "Mail {email}, card {card_number}, IBAN {iban}."
        let store = try fixture.makeStore()
        let conversation = try store.startConversation(Conversation(customerRef: "jane.doe@example.com"))
        #expect(conversation.customerRef == "{email}")
        let message = try store.appendMessage(Message(
            conversationID: conversation.id, role: .customer, text: text, entitiesJSON: #"{"email":"jane.doe@example.com"}"#))
        let stored = try store.messages(conversationID: conversation.id)
        #expect(stored.first?.text == redacted && message.text == redacted)
        #expect(stored.first?.entitiesJSON == #"{"email":"{email}"}"#)
        let feedback = try store.recordFeedback(Feedback(messageID: message.id, kind: .betterReply, value: "Call +44 20 7946 0958"))
        #expect(feedback.value == "Call {phone}")

        let entities = ##"[{"kind":"phone","text":"(555) 014-2345","value":"5550142345"},{"kind":"order_id","text":"#48213377","value":"48213377"}]"##
        let turn = try store.appendMessage(Message(
            conversationID: conversation.id, role: .customer, text: "call (555) 014-2345 about #48213377", intent: "order_status",
            entitiesJSON: entities, sentimentLabel: "neutral", modelVersion: "20261201-074621-transformer"))
        let read = try store.messages(conversationID: conversation.id).last
        #expect(read?.entitiesJSON == ##"[{"kind":"phone","text":"{phone}","value":"{phone}"},{"kind":"order_id","text":"#48213377","value":"48213377"}]"##,
                "personal entity values are stored as their placeholder")
        #expect(read?.modelVersion == "20261201-074621-transformer" && turn.modelVersion == read?.modelVersion,
                "identifiers the program writes are never redacted")
        #expect(read?.intent == "order_status" && read?.sentimentLabel == "neutral")

        let open = try fixture.makeStore(policy: StoragePolicy(redactor: .disabled))
        let kept = try open.appendMessage(Message(conversationID: conversation.id, role: .customer, text: text))
        #expect(try open.messages(conversationID: conversation.id).last?.text == text && kept.text == text)
    }
}
