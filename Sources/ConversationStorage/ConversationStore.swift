// The role every store backend plays: conversations and their messages, feedback, model
// versions and the ticket queue. Synchronous and thread-safe; writes are idempotent by id.
import Foundation

/// Stores everything the bot hears and says. Implementations are safe to call from several
/// threads; each call is one transaction, committed before it returns.
///
/// Writes that carry a client-generated id (`startConversation`, `appendMessage`,
/// `recordFeedback`) are idempotent: repeating one with the same id stores nothing new and
/// returns the stored record. That is what makes spool replay exactly-once.
public protocol ConversationStore: AnyObject, Sendable {
    /// Stores a new conversation (text fields redacted) and returns it as stored.
    @discardableResult
    func startConversation(_ conversation: Conversation) throws(StorageError) -> Conversation
    /// Marks a conversation ended with `status` (closed, handed off, abandoned) at `time`.
    func endConversation(id: UUID, status: ConversationStatus, at time: Date) throws(StorageError)
    /// Appends a message (redacted, sanitised), assigning the next `seq`; returns it as stored.
    @discardableResult
    func appendMessage(_ message: Message) throws(StorageError) -> Message
    /// Stores feedback on a message (value redacted) and returns it as stored.
    @discardableResult
    func recordFeedback(_ feedback: Feedback) throws(StorageError) -> Feedback

    /// One conversation, or nil.
    func conversation(id: UUID) throws(StorageError) -> Conversation?
    /// Conversations started at or after `since` (all when nil), oldest first, at most `limit`.
    func conversations(since: Date?, limit: Int?) throws(StorageError) -> [Conversation]
    /// The messages of one conversation in `seq` order.
    func messages(conversationID: UUID) throws(StorageError) -> [Message]
    /// Messages created at or after `since` (all when nil), oldest first, at most `limit`.
    func messages(since: Date?, limit: Int?) throws(StorageError) -> [Message]
    /// Feedback given at or after `since` (all when nil), oldest first.
    func feedback(since: Date?) throws(StorageError) -> [Feedback]
    /// Feedback on one message, oldest first.
    func feedback(messageID: UUID) throws(StorageError) -> [Feedback]

    /// Registers a model version (idempotent by id: a second save replaces path, metrics, status).
    func saveModelVersion(_ version: ModelVersion) throws(StorageError)
    /// One model version, or nil.
    func modelVersion(id: String) throws(StorageError) -> ModelVersion?
    /// All model versions, oldest first.
    func modelVersions() throws(StorageError) -> [ModelVersion]
    /// Makes `id` the only active version; the previously active one becomes retired.
    func activateModelVersion(id: String) throws(StorageError)
    /// Sets a version's status (use `activateModelVersion` to activate).
    func setModelVersionStatus(id: String, status: ModelVersionStatus) throws(StorageError)
    /// Deletes a version that no other version names as its parent.
    func deleteModelVersion(id: String) throws(StorageError)

    /// Enqueues a ticket; enqueuing the same (file, line) again returns the existing ticket.
    @discardableResult
    func enqueueTicket(sourceFile: String, sourceLine: Int, payload: String, at time: Date) throws(StorageError) -> Ticket
    /// Claims up to `limit` queued tickets (or ones whose lease ran out) for `worker` until
    /// `time + lease`; concurrent workers never get the same ticket.
    func claimTickets(worker: String, limit: Int, lease: TimeInterval, at time: Date) throws(StorageError) -> [Ticket]
    /// Marks a claimed ticket done with its result; throws `leaseLost` if `worker` no longer holds it.
    func completeTicket(id: Int64, worker: String, resultJSON: String, at time: Date) throws(StorageError)
    /// Records a failed attempt: back to the queue while `attempts < maxAttempts`, else failed.
    func failTicket(id: Int64, worker: String, error: String, maxAttempts: Int, at time: Date) throws(StorageError)
    /// Tickets with `status` (all when nil), by id.
    func tickets(status: TicketStatus?) throws(StorageError) -> [Ticket]

    /// Saves a conversation's serving session (the state cleaned like entities JSON) if the stored
    /// revision is `session.revision - 1` (or there is none and it is 0); returns false, saving
    /// nothing, when another writer got there first.
    func saveSession(_ session: ConversationSession) throws(StorageError) -> Bool
    /// The serving session of a conversation, or nil.
    func session(conversationID: UUID) throws(StorageError) -> ConversationSession?
    /// Stores a served turn in one transaction: the session under its compare-and-set (as
    /// `saveSession`), then the messages in order (redacted, next `seq`s) and the conversation's
    /// ending status if any. Returns false, storing nothing, when the revision had moved on.
    func saveTurn(_ turn: SessionTurn) throws(StorageError) -> Bool

    /// The schema migration versions recorded in `schema_migrations`, ascending.
    func appliedMigrations() throws(StorageError) -> [Int]
}
