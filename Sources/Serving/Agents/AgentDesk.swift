// The hand-off made real: the conversations waiting for a person (with transcript, mood and the
// bot's guesses), taking one, replying as an agent (stored as `agent` turns with source `human`,
// so fine-tuning learns from them) and closing it; and the review list of recent feedback.
import ConversationStorage
import Foundation
import Sentiment

/// What the agent and review pages read and write; every call is behind the API key.
struct AgentDesk: Sendable {
    let store: any ConversationStore
    /// How far back the inbox and the review list look.
    var window: TimeInterval = 7 * 24 * 3600

    /// Handed-off conversations of the window, most recent first.
    func inbox(now: Date = Date()) async throws -> [InboxEntry] {
        let store = store
        let since = now.addingTimeInterval(-window)
        return try await Blocking.run {
            do {
                return try store.conversations(since: since, limit: nil).filter { $0.status == .handedOff }.reversed()
                    .map { conversation in
                        let messages = try store.messages(conversationID: conversation.id)
                        let mood = try store.session(conversationID: conversation.id)
                            .flatMap { try? SessionState.decoded($0.stateJSON).mood.conversationMood }
                        return InboxEntry(conversation: conversation, messages: messages, mood: mood?.level,
                                          takenBy: messages.last { $0.role == .system && $0.text.hasPrefix(Self.takenPrefix) }
                                              .map { String($0.text.dropFirst(Self.takenPrefix.count)) })
                    }
            } catch { throw ServingError.storage("read the inbox", error) }
        }
    }

    /// Marks the conversation taken by `agent` (a system message in its transcript).
    func take(_ id: UUID, agent: String) async throws {
        _ = try await append(Message(conversationID: id, role: .system, text: Self.takenPrefix + agent, createdAt: Date()))
    }

    /// Stores `text` as the agent's turn; the customer's page shows it when it next polls.
    func reply(_ id: UUID, text: String) async throws -> Message {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ServingError.badRequest("the reply is empty") }
        return try await append(Message(conversationID: id, role: .agent, text: trimmed, replySource: .human, createdAt: Date()))
    }

    /// Closes a handed-off conversation.
    func close(_ id: UUID) async throws {
        _ = try await handedOff(id)
        let store = store
        try await Blocking.run {
            do { try store.endConversation(id: id, status: .closed, at: Date()) } catch {
                throw ServingError.storage("close the conversation", error)
            }
        }
    }

    /// Feedback of the window with the message it is about, most recent first.
    func review(now: Date = Date()) async throws -> [ReviewEntry] {
        let store = store
        let since = now.addingTimeInterval(-window)
        return try await Blocking.run {
            do {
                let feedback = try store.feedback(since: since)
                let messages = Dictionary(try store.messages(since: since, limit: nil).map { ($0.id, $0) },
                                          uniquingKeysWith: { first, _ in first })
                return feedback.reversed().map { ReviewEntry(feedback: $0, message: messages[$0.messageID]) }
            } catch { throw ServingError.storage("read the feedback", error) }
        }
    }

    private func append(_ message: Message) async throws -> Message {
        _ = try await handedOff(message.conversationID)
        let store = store
        return try await Blocking.run {
            do { return try store.appendMessage(message) } catch { throw ServingError.storage("store the message", error) }
        }
    }

    /// The conversation, if it exists and waits for a person.
    private func handedOff(_ id: UUID) async throws -> Conversation {
        let store = store
        let conversation = try await Blocking.run {
            do { return try store.conversation(id: id) } catch { throw ServingError.storage("read the conversation", error) }
        }
        guard let conversation else { throw ServingError.notFound("no conversation \(id.uuidString.lowercased())") }
        guard conversation.status == .handedOff else {
            throw ServingError.conflict("the conversation is \(conversation.status.rawValue), not handed off")
        }
        return conversation
    }

    static let takenPrefix = "taken by "
}

/// One handed-off conversation in the agent's inbox.
struct InboxEntry: Encodable {
    var conversation: Conversation
    var messages: [Message]
    /// The customer's mood level in [-1, 1] (recent turns weigh most), when known.
    var mood: Double?
    var takenBy: String?

    enum CodingKeys: String, CodingKey {
        case conversation, messages, mood
        case takenBy = "taken_by"
    }
}

/// One piece of feedback to work through.
struct ReviewEntry: Encodable {
    var feedback: Feedback
    var message: Message?
}
