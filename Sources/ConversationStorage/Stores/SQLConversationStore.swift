// The ConversationStore logic shared by both engines: one connection behind a lock, SQL written
// once with `$n` placeholders, every write one
// transaction (implicit for a single statement). Backends subclass it to open connections.
import Foundation

/// A `ConversationStore` over one SQL connection; use `SQLiteConversationStore` or
/// `PostgresConversationStore`. Thread-safe: calls are serialised on the connection.
public class SQLConversationStore: ConversationStore, @unchecked Sendable {
    private let lock = NSLock()
    private let database: any SQLDatabase
    private let writeGate: NSLock?
    /// How text is cleaned before it is stored.
    public let policy: StoragePolicy

    /// Wraps an open connection and brings its schema up to date.
    ///
    /// - Parameter writeGate: A lock taken around every write transaction, shared by the stores
    ///   of one SQLite file in this process.
    package init(database: any SQLDatabase, policy: StoragePolicy, writeGate: NSLock? = nil) throws(StorageError) {
        self.database = database
        self.policy = policy
        self.writeGate = writeGate
        writeGate?.lock()
        defer { writeGate?.unlock() }
        try Migrations.apply(to: database)
    }

    /// The engine behind the connection.
    var dialect: SQLDialect { database.dialect }

    /// Runs `body` with the connection under the lock, reconnecting first if it broke.
    package func withDatabase<T>(_ body: (any SQLDatabase) throws(StorageError) -> T) throws(StorageError) -> T {
        lock.lock()
        defer { lock.unlock() }
        if database.isBroken { try database.reconnect() }
        return try body(database)
    }

    /// Runs `body` in a transaction under the lock.
    package func write<T>(_ body: (any SQLDatabase) throws(StorageError) -> T) throws(StorageError) -> T {
        writeGate?.lock()
        defer { writeGate?.unlock() }
        return try withDatabase { (database) throws(StorageError) in
            try database.transaction { () throws(StorageError) in try body(database) }
        }
    }

    // MARK: conversations and messages

    @discardableResult
    public func startConversation(_ conversation: Conversation) throws(StorageError) -> Conversation {
        let clean = try policy.cleaned(conversation)
        return try write { (db) throws(StorageError) in
            try db.execute("""
                INSERT INTO conversations (id, channel, started_at, ended_at, customer_ref, status, message_count)
                VALUES ($1, $2, $3, $4, $5, $6, 0) ON CONFLICT (id) DO NOTHING
                """, [.text(clean.id.key), .text(clean.channel.rawValue), .integer(clean.startedAt.microseconds),
                      .optional(clean.endedAt?.microseconds), .optional(clean.customerRef), .text(clean.status.rawValue)])
            guard let stored = try Self.conversation(id: clean.id, in: db) else { throw .notFound("conversation vanished") }
            return stored
        }
    }

    public func endConversation(id: UUID, status: ConversationStatus, at time: Date) throws(StorageError) {
        let changed = try write { (db) throws(StorageError) in
            try db.execute("UPDATE conversations SET status = $1, ended_at = $2 WHERE id = $3",
                           [.text(status.rawValue), .integer(time.microseconds), .text(id.key)])
        }
        guard changed == 1 else { throw .notFound("no conversation \(id.key)") }
    }

    @discardableResult
    public func appendMessage(_ message: Message) throws(StorageError) -> Message {
        let clean = try policy.cleaned(message)
        if database.dialect == .postgres {
            return try withDatabase { (db) throws(StorageError) in try Self.appendInOneStatement(clean, in: db) }
        }
        return try write { (db) throws(StorageError) in try Self.appendInTransaction(clean, in: db) }
    }

    @discardableResult
    public func recordFeedback(_ feedback: Feedback) throws(StorageError) -> Feedback {
        let clean = try policy.cleaned(feedback)
        return try write { (db) throws(StorageError) in
            try db.execute("""
                INSERT INTO feedback (\(Self.feedbackColumns)) VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (id) DO NOTHING
                """, [.text(clean.id.key), .text(clean.messageID.key), .text(clean.kind.rawValue), .text(clean.value),
                      .optional(clean.author), .integer(clean.createdAt.microseconds)])
            guard let row = try db.query("SELECT \(Self.feedbackColumns) FROM feedback WHERE id = $1",
                                         [.text(clean.id.key)]).first
            else { throw .notFound("feedback vanished") }
            return try Self.feedback(row)
        }
    }

    public func conversation(id: UUID) throws(StorageError) -> Conversation? {
        try withDatabase { (db) throws(StorageError) in try Self.conversation(id: id, in: db) }
    }

    public func conversations(since: Date?, limit: Int?) throws(StorageError) -> [Conversation] {
        try withDatabase { (db) throws(StorageError) in
            try db.query("""
                SELECT \(Self.conversationColumns) FROM conversations WHERE started_at >= $1
                ORDER BY started_at, id LIMIT $2
                """, [.integer(since?.microseconds ?? Int64.min), .integer(try Self.limit(limit))])
                .decoded(Self.conversation)
        }
    }

    public func messages(conversationID: UUID) throws(StorageError) -> [Message] {
        try withDatabase { (db) throws(StorageError) in
            try db.query("SELECT \(Self.messageColumns) FROM messages WHERE conversation_id = $1 ORDER BY seq",
                         [.text(conversationID.key)]).decoded(Self.message)
        }
    }

    public func messages(since: Date?, limit: Int?) throws(StorageError) -> [Message] {
        try withDatabase { (db) throws(StorageError) in
            try db.query("""
                SELECT \(Self.messageColumns) FROM messages WHERE created_at >= $1
                ORDER BY created_at, conversation_id, seq LIMIT $2
                """, [.integer(since?.microseconds ?? Int64.min), .integer(try Self.limit(limit))])
                .decoded(Self.message)
        }
    }

    public func feedback(since: Date?) throws(StorageError) -> [Feedback] {
        try withDatabase { (db) throws(StorageError) in
            try db.query("SELECT \(Self.feedbackColumns) FROM feedback WHERE created_at >= $1 ORDER BY created_at, id",
                         [.integer(since?.microseconds ?? Int64.min)]).decoded(Self.feedback)
        }
    }

    public func feedback(messageID: UUID) throws(StorageError) -> [Feedback] {
        try withDatabase { (db) throws(StorageError) in
            try db.query("SELECT \(Self.feedbackColumns) FROM feedback WHERE message_id = $1 ORDER BY created_at, id",
                         [.text(messageID.key)]).decoded(Self.feedback)
        }
    }

    public func appliedMigrations() throws(StorageError) -> [Int] {
        try withDatabase { (db) throws(StorageError) in try Migrations.versions(in: db) }
    }

    static func limit(_ limit: Int?) throws(StorageError) -> Int64 {
        guard let limit else { return Int64.max }
        guard limit >= 0 else { throw .invalidValue("limit must not be negative") }
        return Int64(limit)
    }
}

extension Array where Element == SQLRow {
    /// Each row decoded by `decode`.
    func decoded<T>(_ decode: (SQLRow) throws(StorageError) -> T) throws(StorageError) -> [T] {
        var out: [T] = []
        out.reserveCapacity(count)
        for row in self { out.append(try decode(row)) }
        return out
    }
}

extension UUID {
    /// The stored form: lower-case hyphenated.
    var key: String { uuidString.lowercased() }
}
