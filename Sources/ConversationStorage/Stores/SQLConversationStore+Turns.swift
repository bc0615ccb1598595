// A served turn in one transaction: the session's compare-and-set first, then the messages and a
// hand-off, so a refused revision stores nothing and one commit (one WAL flush on PostgreSQL)
// covers the turn. PostgreSQL runs it as one statement (one round trip); SQLite, whose
// transactions cost no round trips, as a transaction of the usual statements.
import Foundation

extension SQLConversationStore {
    public func saveTurn(_ turn: SessionTurn) throws(StorageError) -> Bool {
        guard turn.session.revision > 0 else { throw .invalidValue("a turn saves a session at revision 1 or later") }
        guard turn.messages.allSatisfy({ $0.conversationID == turn.session.conversationID }) else {
            throw .invalidValue("a turn's messages must belong to its session's conversation")
        }
        let session = try sessionValues(turn.session)
        let messages = try turn.messages.map { (message) throws(StorageError) -> Message in try policy.cleaned(message) }
        let ending: [SQLValue] = turn.endingStatus.map { [.text($0.rawValue), .integer(turn.time.microseconds)] }
            ?? [.null, .null]
        if dialect == .postgres {
            var parameters = session + ending
            for message in messages {
                var values = Self.values(of: message)
                values.remove(at: 2)  // seq: the counter decides it
                parameters += values
            }
            return try withDatabase { (db) throws(StorageError) in
                try db.query(Self.turnStatement(messages: messages.count), parameters).first?.int64(0) == 1
            }
        }
        return try write { (db) throws(StorageError) in
            guard try Self.compareAndSet(session, in: db) else { return false }
            for message in messages { _ = try Self.appendInTransaction(message, in: db) }
            if turn.endingStatus != nil {
                try db.execute("UPDATE conversations SET status = $1, ended_at = $2 WHERE id = $3",
                               ending + [.text(turn.session.conversationID.key)])
            }
            return true
        }
    }

    /// The PostgreSQL statement for a turn of `count` messages: `$1…$5` the session's values,
    /// `$6`, `$7` the conversation's ending status and time (NULL: unchanged), then 13 per message
    /// (its columns in `messageColumns` order without `seq`). The session's update is the
    /// compare-and-set; the counter and the inserts read it, so a refused revision changes
    /// nothing. Returns one row: 1 when the turn was stored, 0 when the revision had moved.
    static func turnStatement(messages count: Int) -> String {
        let inserts = (0..<count).map { index in
            let first = 8 + index * 13
            let parameters = (first..<first + 13).map { "$\($0)" }
            return """
                , message\(index) AS (
                    INSERT INTO messages (\(messageColumns))
                    SELECT \(parameters[0]), \(parameters[1]), counter.message_count - \(count - 1 - index), \
                \(parameters[2...].joined(separator: ", ")) FROM counter
                )
                """
        }
        return """
            WITH session AS (
                UPDATE conversation_sessions SET token_hash = $2, state = $3, revision = $4, updated_at = $5
                WHERE conversation_id = $1 AND revision = $4 - 1
                RETURNING conversation_id
            ), counter AS (
                UPDATE conversations SET message_count = message_count + \(count),
                    status = COALESCE($6, status), ended_at = COALESCE($7, ended_at)
                WHERE id IN (SELECT conversation_id FROM session)
                RETURNING message_count
            )\(inserts.joined())
            SELECT count(*) FROM session
            """
    }
}
