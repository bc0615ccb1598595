// Feedback on the latest turn (`/good`, `/bad`, `/intent NAME`, `/reply TEXT`), stored against
// the bot's reply (ratings, better replies) or the customer's message (corrected intents).
import ConversationStorage
import Foundation

/// Why feedback could not be recorded.
public enum FeedbackError: Error, Equatable, Sendable, CustomStringConvertible {
    /// There is no turn in the current conversation yet.
    case noTurnYet
    /// The corrected intent is not in the catalog.
    case unknownIntent(String)
    /// A better reply must not be empty.
    case emptyReply
    /// The store refused it.
    case storage(String)

    /// A sentence for the user.
    public var description: String {
        switch self {
        case .noTurnYet: "there is no reply to give feedback on yet"
        case let .unknownIntent(name): "unknown intent '\(name)'"
        case .emptyReply: "the better reply is empty"
        case let .storage(reason): "could not store the feedback: \(reason)"
        }
    }
}

extension DialogueEngine {
    /// Rates the last reply up (`good`) or down.
    @discardableResult
    public func rateLastReply(good: Bool, author: String? = nil) throws(FeedbackError) -> Feedback {
        try record(.rating, value: good ? "up" : "down", onReply: true, author: author)
    }

    /// Corrects the intent of the last customer message to `intent` (a catalog intent).
    @discardableResult
    public func correctLastIntent(_ intent: String, author: String? = nil) throws(FeedbackError) -> Feedback {
        guard catalog.intent(named: intent) != nil else { throw .unknownIntent(intent) }
        return try record(.correctedIntent, value: intent, onReply: false, author: author)
    }

    /// Records `text` as a better reply to the last customer message.
    @discardableResult
    public func suggestReply(_ text: String, author: String? = nil) throws(FeedbackError) -> Feedback {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .emptyReply }
        return try record(.betterReply, value: trimmed, onReply: true, author: author)
    }

    private func record(_ kind: FeedbackKind, value: String, onReply: Bool, author: String?) throws(FeedbackError) -> Feedback {
        lock.lock()
        defer { lock.unlock() }
        guard let target = onReply ? lastBotMessageID : lastCustomerMessageID else { throw .noTurnYet }
        do {
            return try store.recordFeedback(Feedback(messageID: target, kind: kind, value: value, author: author, createdAt: now()))
        } catch {
            throw .storage(error.description)
        }
    }
}
