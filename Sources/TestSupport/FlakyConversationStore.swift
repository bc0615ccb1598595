// A SQLite store that can fail like a lost PostgreSQL connection, so spool replay (order,
// exactly-once, replay on exit) is tested on every machine without a server.
import ConversationStorage
import Foundation

/// A SQLite store whose spooled operations can fail like a lost PostgreSQL connection.
public final class FlakyConversationStore: ConversationStore, @unchecked Sendable {
    /// Up; down (every guarded call throws `connectionLost`); or committing the next guarded
    /// write and then reporting a lost connection (and staying down).
    public enum Mode: Sendable { case up, down, commitThenFail }
    private let base: SQLiteConversationStore
    private let lock = NSLock()
    private var storedMode = Mode.up
    /// The simulated state of the connection.
    public var mode: Mode {
        get { lock.withLock { storedMode } }
        set { lock.withLock { storedMode = newValue } }
    }

    /// A store on the SQLite file at `path`, up.
    public init(path: String) throws { base = try SQLiteConversationStore(path: path, fsyncEveryCommit: false) }

    private func guarded<T>(_ body: () throws(StorageError) -> T) throws(StorageError) -> T {
        switch mode {
        case .up: return try body()
        case .down: throw .connectionLost("simulated outage")
        case .commitThenFail:
            _ = try body()
            mode = .down
            throw .connectionLost("simulated loss after commit")
        }
    }

    @discardableResult
    public func startConversation(_ c: Conversation) throws(StorageError) -> Conversation { try guarded { () throws(StorageError) in try base.startConversation(c) } }
    public func endConversation(id: UUID, status: ConversationStatus, at time: Date) throws(StorageError) {
        try guarded { () throws(StorageError) in try base.endConversation(id: id, status: status, at: time) }
    }
    @discardableResult
    public func appendMessage(_ m: Message) throws(StorageError) -> Message { try guarded { () throws(StorageError) in try base.appendMessage(m) } }
    @discardableResult
    public func recordFeedback(_ f: Feedback) throws(StorageError) -> Feedback { try guarded { () throws(StorageError) in try base.recordFeedback(f) } }
    public func conversation(id: UUID) throws(StorageError) -> Conversation? { try guarded { () throws(StorageError) in try base.conversation(id: id) } }
    public func conversations(since: Date?, limit: Int?) throws(StorageError) -> [Conversation] {
        try guarded { () throws(StorageError) in try base.conversations(since: since, limit: limit) }
    }
    public func messages(conversationID: UUID) throws(StorageError) -> [Message] {
        try guarded { () throws(StorageError) in try base.messages(conversationID: conversationID) }
    }
    public func messages(since: Date?, limit: Int?) throws(StorageError) -> [Message] { try base.messages(since: since, limit: limit) }
    public func feedback(since: Date?) throws(StorageError) -> [Feedback] { try base.feedback(since: since) }
    public func feedback(messageID: UUID) throws(StorageError) -> [Feedback] { try base.feedback(messageID: messageID) }
    public func saveSession(_ s: ConversationSession) throws(StorageError) -> Bool { try base.saveSession(s) }
    public func saveTurn(_ t: SessionTurn) throws(StorageError) -> Bool { try base.saveTurn(t) }
    public func session(conversationID: UUID) throws(StorageError) -> ConversationSession? {
        try base.session(conversationID: conversationID)
    }
    public func saveModelVersion(_ v: ModelVersion) throws(StorageError) { try base.saveModelVersion(v) }
    public func modelVersion(id: String) throws(StorageError) -> ModelVersion? { try base.modelVersion(id: id) }
    public func modelVersions() throws(StorageError) -> [ModelVersion] { try base.modelVersions() }
    public func activateModelVersion(id: String) throws(StorageError) { try base.activateModelVersion(id: id) }
    public func setModelVersionStatus(id: String, status: ModelVersionStatus) throws(StorageError) {
        try base.setModelVersionStatus(id: id, status: status)
    }
    public func deleteModelVersion(id: String) throws(StorageError) { try base.deleteModelVersion(id: id) }
    @discardableResult
    public func enqueueTicket(sourceFile: String, sourceLine: Int, payload: String, at time: Date) throws(StorageError) -> Ticket {
        try base.enqueueTicket(sourceFile: sourceFile, sourceLine: sourceLine, payload: payload, at: time)
    }
    public func claimTickets(worker: String, limit: Int, lease: TimeInterval, at time: Date) throws(StorageError) -> [Ticket] {
        try base.claimTickets(worker: worker, limit: limit, lease: lease, at: time)
    }
    public func completeTicket(id: Int64, worker: String, resultJSON: String, at time: Date) throws(StorageError) {
        try base.completeTicket(id: id, worker: worker, resultJSON: resultJSON, at: time)
    }
    public func failTicket(id: Int64, worker: String, error: String, maxAttempts: Int, at time: Date) throws(StorageError) {
        try base.failTicket(id: id, worker: worker, error: error, maxAttempts: maxAttempts, at: time)
    }
    public func tickets(status: TicketStatus?) throws(StorageError) -> [Ticket] { try base.tickets(status: status) }
    public func appliedMigrations() throws(StorageError) -> [Int] { try base.appliedMigrations() }
}
