// Column lists and row ↔ record conversions for the shared SQL store.
import Foundation

extension SQLConversationStore {
    static let conversationColumns = "id, channel, started_at, ended_at, customer_ref, status, message_count"
    static let messageColumns = """
        id, conversation_id, seq, role, text, intent, confidence, entities, sentiment_label, sentiment_score, \
        reply_source, model_version, latency_ms, created_at
        """
    static let feedbackColumns = "id, message_id, kind, value, author, created_at"
    static let modelVersionColumns = "id, parent_id, created_at, path, metrics, status, data_hash"
    static let ticketColumns = """
        id, source_file, source_line, payload, status, claimed_by, lease_until, attempts, result, last_error, created_at
        """

    static func conversation(id: UUID, in db: any SQLDatabase) throws(StorageError) -> Conversation? {
        try db.query("SELECT \(conversationColumns) FROM conversations WHERE id = $1", [.text(id.key)])
            .first.map { (row) throws(StorageError) in try conversation(row) }
    }

    static func conversation(_ row: SQLRow) throws(StorageError) -> Conversation {
        Conversation(
            id: try uuid(row, 0), channel: try enumeration(row, 1), startedAt: Date(microseconds: try row.int64(2)),
            endedAt: try row.optionalInt64(3).map(Date.init(microseconds:)), customerRef: try row.optionalString(4),
            status: try enumeration(row, 5), messageCount: Int(try row.int64(6)))
    }

    static func values(of message: Message) -> [SQLValue] {
        [.text(message.id.key), .text(message.conversationID.key), .integer(Int64(message.seq)),
         .text(message.role.rawValue), .text(message.text), .optional(message.intent), .optional(message.confidence),
         .optional(message.entitiesJSON), .optional(message.sentimentLabel), .optional(message.sentimentScore),
         .optional(message.replySource?.rawValue), .optional(message.modelVersion),
         .optional(message.latencyMilliseconds), .integer(message.createdAt.microseconds)]
    }

    static func message(_ row: SQLRow) throws(StorageError) -> Message {
        Message(
            id: try uuid(row, 0), conversationID: try uuid(row, 1), seq: Int(try row.int64(2)),
            role: try enumeration(row, 3), text: try row.string(4), intent: try row.optionalString(5),
            confidence: try row.optionalDouble(6), entitiesJSON: try row.optionalString(7),
            sentimentLabel: try row.optionalString(8), sentimentScore: try row.optionalDouble(9),
            replySource: try row.isNull(10) ? nil : try enumeration(row, 10), modelVersion: try row.optionalString(11),
            latencyMilliseconds: try row.optionalDouble(12), createdAt: Date(microseconds: try row.int64(13)))
    }

    static func feedback(_ row: SQLRow) throws(StorageError) -> Feedback {
        Feedback(
            id: try uuid(row, 0), messageID: try uuid(row, 1), kind: try enumeration(row, 2), value: try row.string(3),
            author: try row.optionalString(4), createdAt: Date(microseconds: try row.int64(5)))
    }

    static func modelVersion(_ row: SQLRow) throws(StorageError) -> ModelVersion {
        ModelVersion(
            id: try row.string(0), parentID: try row.optionalString(1), createdAt: Date(microseconds: try row.int64(2)),
            path: try row.string(3), dataHash: try row.optionalString(6), metricsJSON: try row.string(4),
            status: try enumeration(row, 5))
    }

    static func ticket(_ row: SQLRow) throws(StorageError) -> Ticket {
        Ticket(
            id: try row.int64(0), sourceFile: try row.string(1), sourceLine: Int(try row.int64(2)),
            payload: try row.string(3), status: try enumeration(row, 4), claimedBy: try row.optionalString(5),
            leaseUntil: try row.optionalInt64(6).map(Date.init(microseconds:)), attempts: Int(try row.int64(7)),
            resultJSON: try row.optionalString(8), lastError: try row.optionalString(9),
            createdAt: Date(microseconds: try row.int64(10)))
    }

    static func uuid(_ row: SQLRow, _ index: Int) throws(StorageError) -> UUID {
        guard let id = UUID(uuidString: try row.string(index)) else {
            throw .decodingFailed("column \(index) is not a UUID")
        }
        return id
    }

    private static func enumeration<E: RawRepresentable<String>>(_ row: SQLRow, _ index: Int) throws(StorageError) -> E {
        let raw = try row.string(index)
        guard let value = E(rawValue: raw) else { throw .decodingFailed("unknown \(E.self) '\(raw)'") }
        return value
    }
}
