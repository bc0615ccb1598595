// Serving sessions in the shared SQL store: a compare-and-set on the revision, so two replicas
// continuing one conversation at once cannot overwrite each other's state unnoticed.
import Foundation

extension SQLConversationStore {
    public func saveSession(_ session: ConversationSession) throws(StorageError) -> Bool {
        let values = try sessionValues(session)
        return try write { (db) throws(StorageError) in
            if session.revision == 0 {
                return try db.execute("""
                    INSERT INTO conversation_sessions (conversation_id, token_hash, state, revision, updated_at)
                    VALUES ($1, $2, $3, $4, $5) ON CONFLICT (conversation_id) DO NOTHING
                    """, values) == 1
            }
            return try Self.compareAndSet(values, in: db)
        }
    }

    public func session(conversationID: UUID) throws(StorageError) -> ConversationSession? {
        try withDatabase { (db) throws(StorageError) in
            try db.query("""
                SELECT conversation_id, token_hash, state, revision, updated_at FROM conversation_sessions
                WHERE conversation_id = $1
                """, [.text(conversationID.key)]).first.map { (row) throws(StorageError) in
                ConversationSession(
                    conversationID: try Self.uuid(row, 0), tokenHash: try row.string(1), stateJSON: try row.string(2),
                    revision: Int(try row.int64(3)), updatedAt: Date(microseconds: try row.int64(4)))
            }
        }
    }

    /// The session's columns, its state cleaned: `$1…$5` of the statements here and of a turn.
    func sessionValues(_ session: ConversationSession) throws(StorageError) -> [SQLValue] {
        let state = try policy.cleaned(json: session.stateJSON, field: "session state")
        return [.text(session.conversationID.key), .text(session.tokenHash), .text(state),
                .integer(Int64(session.revision)), .integer(session.updatedAt.microseconds)]
    }

    /// Saves a session over the stored revision `revision - 1` (`values` from `sessionValues`);
    /// false when it is not there.
    static func compareAndSet(_ values: [SQLValue], in db: any SQLDatabase) throws(StorageError) -> Bool {
        try db.execute("""
            UPDATE conversation_sessions SET token_hash = $2, state = $3, revision = $4, updated_at = $5
            WHERE conversation_id = $1 AND revision = $4 - 1
            """, values) == 1
    }
}
