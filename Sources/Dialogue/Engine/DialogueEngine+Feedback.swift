// Feedback on the latest turn (`/good`, `/bad`, `/intent NAME`, `/reply TEXT`), stored against
// the bot's reply (ratings, better replies) or the customer's message (corrected intents).
import ConversationStorage
import FileFormats
import Foundation

extension DialogueEngine {
    /// Rates the last reply up (`good`) or down.
    @discardableResult
    public func rateLastReply(good: Bool, author: String? = nil) throws(DialogueError) -> Feedback {
        try record(.rating, value: good ? "up" : "down", onReply: true, author: author)
    }

    /// Corrects the intent of the last customer message to `intent` (a catalog intent).
    @discardableResult
    public func correctLastIntent(_ intent: String, author: String? = nil) throws(DialogueError) -> Feedback {
        guard catalog.intent(named: intent) != nil else {
            throw DialogueError.invalidFeedback("unknown intent '\(intent)'")
        }
        return try record(.correctedIntent, value: intent, onReply: false, author: author)
    }

    /// Records `text` as a better reply to the last customer message.
    @discardableResult
    public func suggestReply(_ text: String, author: String? = nil) throws(DialogueError) -> Feedback {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw DialogueError.invalidFeedback("the better reply is empty") }
        return try record(.betterReply, value: trimmed, onReply: true, author: author)
    }

    private func record(_ kind: FeedbackKind, value: String, onReply: Bool, author: String?) throws(DialogueError) -> Feedback {
        lock.lock()
        defer { lock.unlock() }
        guard let target = onReply ? lastBotMessageID : lastCustomerMessageID else {
            throw DialogueError.invalidFeedback("there is no reply to give feedback on yet")
        }
        do {
            return try store.recordFeedback(Feedback(messageID: target, kind: kind, value: value, author: author, createdAt: now()))
        } catch {
            throw DialogueError.storage("could not store the feedback: \(error.description)")
        }
    }
}
