// One customer message, the two ways it goes: a bot turn (resume the stored state in a pooled
// engine, respond, and store the messages with the new state under the next revision in one
// transaction) or, after a hand-off, a message stored for the agent.
import ConversationStorage
import Dialogue
import Foundation

extension ConversationService {
    /// The bot's turn on `text`; the messages and the new state are stored when this returns.
    func turn(_ text: String, conversation: Conversation, session: ConversationSession) async throws -> TurnResult {
        let checkpoint = try SessionState.decoded(session.stateJSON).checkpoint(conversation, contextLimit: 0)
        let started = ContinuousClock.now
        let (result, saved) = try await pool.withEngine { engine -> (TurnResult, Bool) in
            engine.resume(checkpoint)
            return engine.respond(to: text) { next in
                var updated = session
                updated.revision += 1
                updated.stateJSON = SessionState(next).encoded()
                updated.updatedAt = self.now()
                return updated
            }
        }
        metrics.record(result, duration: ContinuousClock.now - started)
        if let problem = result.storageError {
            metrics.countError()
            throw ServingError.unavailable("the turn could not be stored: \(problem)")
        }
        guard saved else {
            metrics.countError()
            throw ServingError.conflict("another message to this conversation was answered at the same time; reload the transcript")
        }
        return result
    }

    /// Stores a customer message for the person who took the conversation over.
    func storeForAgent(_ text: String, conversation: Conversation) async throws -> Message {
        let store = store
        let message = Message(conversationID: conversation.id, role: .customer, text: text, createdAt: now())
        return try await Blocking.run {
            do { return try store.appendMessage(message) } catch {
                throw ServingError.storage("store the message", error)
            }
        }
    }
}
