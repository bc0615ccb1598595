// Keeps a chat working through a database outage: conversation and message writes that fail
// for lack of a connection go to an fsync'd local spool and are replayed, in order and exactly
// once (writes are idempotent by client id), when the connection comes back (with backoff).
import Foundation

/// Wraps a store (normally `PostgresConversationStore`) with a local spool for outages.
///
/// While the spool holds entries, new conversation/message/feedback writes are appended to it
/// too, so order is kept. A spooled message is returned with `seq == 0` (assigned on replay).
/// Reads, model versions and tickets need the live database and throw while it is down.
public final class SpoolingConversationStore: ConversationStore, @unchecked Sendable {
    let primaryStore: any ConversationStore
    private let policy: StoragePolicy
    private let spool: SpoolFile
    private let lock = NSLock()
    private var delay: TimeInterval
    private var nextAttempt = Date.distantPast
    /// The first and largest wait between reconnection attempts, in seconds.
    public let backoff: ClosedRange<TimeInterval>

    /// Wraps `primary`, spooling to `spoolPath`, and replays anything left there by an earlier run.
    ///
    /// - Parameter policy: How text is cleaned before it is spooled; use the primary's policy.
    public init(primary: any ConversationStore, spoolPath: String = "./.chatbot/spool.jsonl",
                policy: StoragePolicy = .standard, backoff: ClosedRange<TimeInterval> = 0.05...5) throws(StorageError) {
        self.primaryStore = primary
        self.policy = policy
        self.backoff = backoff
        delay = backoff.lowerBound
        spool = try SpoolFile(path: spoolPath)
        lock.lock()
        defer { lock.unlock() }
        try drainIfDue()
    }

    /// Entries waiting in the spool.
    public var pendingCount: Int { lock.withLock { spool.count } }

    /// The spool file's path, as given.
    public var spoolPath: String { spool.path }

    private func locked<T>(_ body: () throws(StorageError) -> T) throws(StorageError) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Retries replay (sleeping with backoff) until the spool is empty or `timeout` passes;
    /// returns whether it is empty.
    public func flush(timeout: TimeInterval) throws(StorageError) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let (empty, wait) = try locked { () throws(StorageError) -> (Bool, TimeInterval) in
                nextAttempt = min(nextAttempt, Date())
                try drainIfDue()
                return (spool.count == 0, delay)
            }
            if empty { return true }
            if Date().addingTimeInterval(wait) > deadline { return false }
            Thread.sleep(forTimeInterval: wait)
        }
    }

    /// Replays the spool if the backoff allows; stops at the first connection failure.
    /// An entry the database rejects for another reason is moved to `<spool>.rejected`.
    private func drainIfDue() throws(StorageError) {
        guard spool.count > 0, Date() >= nextAttempt else { return }
        let entries = try spool.entries()
        var done = 0
        defer { if done > 0 { try? spool.replace(with: Array(entries[done...])) } }
        for entry in entries {
            do {
                try replay(entry)
            } catch where error.isConnectionFailure {
                noteFailure()
                return
            } catch {
                try reject(entry, error)
            }
            done += 1
        }
        delay = backoff.lowerBound
        nextAttempt = .distantPast
    }

    private func replay(_ entry: SpoolEntry) throws(StorageError) {
        switch entry.op {
        case .startConversation:
            guard let conversation = entry.conversation else { throw .spoolFailed("entry without conversation") }
            try primaryStore.startConversation(conversation)
        case .endConversation:
            guard let id = entry.conversationID, let status = entry.status, let time = entry.endedAt else {
                throw .spoolFailed("end entry incomplete")
            }
            try primaryStore.endConversation(id: id, status: status, at: time)
        case .appendMessage:
            guard let message = entry.message else { throw .spoolFailed("entry without message") }
            try primaryStore.appendMessage(message)
        case .recordFeedback:
            guard let feedback = entry.feedback else { throw .spoolFailed("entry without feedback") }
            try primaryStore.recordFeedback(feedback)
        }
    }

    private func reject(_ entry: SpoolEntry, _ error: StorageError) throws(StorageError) {
        let rejected = try SpoolFile(path: spool.path + ".rejected")
        try rejected.append(entry)
    }

    private func noteFailure() {
        nextAttempt = Date().addingTimeInterval(delay)
        delay = min(delay * 2, backoff.upperBound)
    }

    /// Writes through the primary, or to the spool when it (or the spool) says the database is away.
    private func write<T>(_ entry: SpoolEntry, spooled: T, _ direct: () throws(StorageError) -> T) throws(StorageError) -> T {
        try locked { () throws(StorageError) -> T in
            try drainIfDue()
            if spool.count == 0 {
                do throws(StorageError) {
                    return try direct()
                } catch where error.isConnectionFailure {
                    noteFailure()
                }
            }
            try spool.append(entry)
            return spooled
        }
    }

    // MARK: spooled writes

    @discardableResult
    public func startConversation(_ conversation: Conversation) throws(StorageError) -> Conversation {
        let clean = try policy.cleaned(conversation)
        return try write(SpoolEntry(op: .startConversation, conversation: clean), spooled: clean) { () throws(StorageError) in
            try primaryStore.startConversation(clean)
        }
    }

    public func endConversation(id: UUID, status: ConversationStatus, at time: Date) throws(StorageError) {
        let entry = SpoolEntry(op: .endConversation, conversationID: id, status: status, endedAt: time)
        try write(entry, spooled: ()) { () throws(StorageError) in try primaryStore.endConversation(id: id, status: status, at: time) }
    }

    @discardableResult
    public func appendMessage(_ message: Message) throws(StorageError) -> Message {
        var clean = try policy.cleaned(message)
        clean.seq = 0
        return try write(SpoolEntry(op: .appendMessage, message: clean), spooled: clean) { () throws(StorageError) in
            try primaryStore.appendMessage(clean)
        }
    }

    @discardableResult
    public func recordFeedback(_ feedback: Feedback) throws(StorageError) -> Feedback {
        let clean = try policy.cleaned(feedback)
        return try write(SpoolEntry(op: .recordFeedback, feedback: clean), spooled: clean) { () throws(StorageError) in
            try primaryStore.recordFeedback(clean)
        }
    }

    /// Runs a read or a non-spooled write after trying to replay the spool.
    func live<T>(_ body: () throws(StorageError) -> T) throws(StorageError) -> T {
        try locked { () throws(StorageError) -> T in
            try drainIfDue()
            return try body()
        }
    }
}
