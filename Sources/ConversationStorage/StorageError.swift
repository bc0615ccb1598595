// The one error type of ConversationStorage: what went wrong, the engine's own code (SQLSTATE
// or SQLite result code) and message, never the customer text that was being stored.

/// An error from a conversation store or one of its database connections.
public struct StorageError: Error, CustomStringConvertible, Sendable, Equatable {
    private enum Kind: String, Sendable {
        case connectionFailed = "connection failed"
        case connectionLost = "connection lost"
        case queryFailed = "query failed"
        case migrationFailed = "migration failed"
        case invalidValue = "invalid value"
        case textTooLong = "text too long"
        case notFound = "not found"
        case leaseLost = "lease lost"
        case decodingFailed = "decoding failed"
        case spoolFailed = "spool failed"
    }

    private let kind: Kind
    /// A message for people: the engine's primary message or our own, without customer text.
    public let message: String
    /// The PostgreSQL SQLSTATE (e.g. `23505`), when the server sent one.
    public let sqlState: String?
    /// The SQLite extended result code, when SQLite reported the error.
    public let sqliteCode: Int32?

    private init(_ kind: Kind, _ message: String, sqlState: String? = nil, sqliteCode: Int32? = nil) {
        self.kind = kind
        self.message = message
        self.sqlState = sqlState
        self.sqliteCode = sqliteCode
    }

    /// The server could not be reached or refused the connection (at open or reconnect).
    public static func connectionFailed(_ message: String) -> StorageError { .init(.connectionFailed, message) }
    /// An established connection went away; the statement may or may not have been committed.
    public static func connectionLost(_ message: String, sqlState: String? = nil) -> StorageError {
        .init(.connectionLost, message, sqlState: sqlState)
    }
    /// The engine rejected a statement.
    public static func queryFailed(_ message: String, sqlState: String? = nil, sqliteCode: Int32? = nil) -> StorageError {
        .init(.queryFailed, message, sqlState: sqlState, sqliteCode: sqliteCode)
    }
    /// A schema migration could not be applied; nothing of it was committed.
    public static func migrationFailed(_ message: String, sqlState: String? = nil, sqliteCode: Int32? = nil)
        -> StorageError
    {
        .init(.migrationFailed, message, sqlState: sqlState, sqliteCode: sqliteCode)
    }
    /// A value given to the store cannot be stored (e.g. a negative limit).
    public static func invalidValue(_ message: String) -> StorageError { .init(.invalidValue, message) }
    /// A text is longer than the store's limit; the message names the field and sizes only.
    public static func textTooLong(field: String, bytes: Int, limit: Int) -> StorageError {
        .init(.textTooLong, "\(field) is \(bytes) bytes of UTF-8, over the limit of \(limit)")
    }
    /// A referenced row does not exist.
    public static func notFound(_ message: String) -> StorageError { .init(.notFound, message) }
    /// A ticket was no longer claimed by this worker when it reported back.
    public static func leaseLost(_ message: String) -> StorageError { .init(.leaseLost, message) }
    /// A stored row could not be turned into a record.
    public static func decodingFailed(_ message: String) -> StorageError { .init(.decodingFailed, message) }
    /// The local spool file could not be written or read.
    public static func spoolFailed(_ message: String) -> StorageError { .init(.spoolFailed, message) }

    /// Whether the error means the database is unreachable (open failed or connection lost).
    public var isConnectionFailure: Bool { kind == .connectionFailed || kind == .connectionLost }
    /// Whether the engine reported a unique, foreign-key or check constraint violation.
    public var isConstraintViolation: Bool {
        if let sqlState { return sqlState.hasPrefix("23") }
        if let sqliteCode { return sqliteCode & 0xff == 19 }  // SQLITE_CONSTRAINT
        return false
    }
    /// Whether this is a `.textTooLong` error.
    public var isTextTooLong: Bool { kind == .textTooLong }
    /// Whether this is a `.notFound` error.
    public var isNotFound: Bool { kind == .notFound }
    /// Whether this is a `.leaseLost` error.
    public var isLeaseLost: Bool { kind == .leaseLost }

    public var description: String {
        var text = "storage error: \(kind.rawValue): \(message)"
        if let sqlState { text += " (SQLSTATE \(sqlState))" }
        if let sqliteCode { text += " (SQLite code \(sqliteCode))" }
        return text
    }
}
