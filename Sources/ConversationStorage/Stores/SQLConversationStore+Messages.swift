// Appending a message, the store's hot write. PostgreSQL does it in one statement (one round
// trip, one implicit transaction): a data-modifying CTE reads an existing row with the same id
// (idempotence), advances the conversation's counter and inserts with the new `seq`. SQLite has
// no writes in CTEs, and its transaction costs no round trips, so it keeps three statements.
import Foundation

extension SQLConversationStore {
    /// The PostgreSQL statement: `$1…$13` are the message's columns in `messageColumns` order
    /// without `seq` (the counter decides it). Returns the stored row, or no row when the
    /// conversation does not exist.
    static let appendStatement = """
        WITH existing AS (
            SELECT \(messageColumns) FROM messages WHERE id = $1
        ), counter AS (
            UPDATE conversations SET message_count = message_count + 1
            WHERE id = $2 AND NOT EXISTS (SELECT 1 FROM existing)
            RETURNING message_count
        ), inserted AS (
            INSERT INTO messages (\(messageColumns))
            SELECT $1, $2, counter.message_count, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13 FROM counter
            RETURNING \(messageColumns)
        )
        SELECT \(messageColumns) FROM existing
        UNION ALL
        SELECT \(messageColumns) FROM inserted
        """

    /// Appends `message` (already cleaned) with one statement; a concurrent append of the same id
    /// makes the statement fail on the primary key and roll back whole, so it runs once more and
    /// then finds the row.
    static func appendInOneStatement(_ message: Message, in db: any SQLDatabase) throws(StorageError) -> Message {
        var parameters = values(of: message)
        parameters.remove(at: 2)
        var attempt = 0
        while true {
            do throws(StorageError) {
                guard let row = try db.query(appendStatement, parameters).first else {
                    throw .notFound("no conversation \(message.conversationID.key) for the message")
                }
                return try Self.message(row)
            } catch where error.sqlState == "23505" && attempt == 0 {
                attempt += 1
            }
        }
    }

    /// Appends `message` (already cleaned) with three statements; the caller holds a transaction.
    static func appendInTransaction(_ message: Message, in db: any SQLDatabase) throws(StorageError) -> Message {
        if let existing = try db.query("SELECT \(messageColumns) FROM messages WHERE id = $1",
                                        [.text(message.id.key)]).first {
            return try Self.message(existing)
        }
        guard let counter = try db.query(
            "UPDATE conversations SET message_count = message_count + 1 WHERE id = $1 RETURNING message_count",
            [.text(message.conversationID.key)]).first
        else { throw .notFound("no conversation \(message.conversationID.key) for the message") }
        var stored = message
        stored.seq = Int(try counter.int64(0))
        try db.execute("""
            INSERT INTO messages (\(messageColumns))
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            """, values(of: stored))
        return stored
    }
}
