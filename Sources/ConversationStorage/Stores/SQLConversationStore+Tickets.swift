// The ticket queue in the shared SQL store: idempotent enqueue by (file, line), claims under a
// lease (`FOR UPDATE SKIP LOCKED` on PostgreSQL; SQLite's write lock serialises claimers), and
// completion or failure only by the worker holding the lease.
import Foundation

extension SQLConversationStore {
    @discardableResult
    public func enqueueTicket(sourceFile: String, sourceLine: Int, payload: String, at time: Date) throws(StorageError)
        -> Ticket
    {
        let clean = try policy.cleaned(json: payload, field: "ticket payload")
        return try write { (db) throws(StorageError) in
            try db.execute("""
                INSERT INTO tickets (source_file, source_line, payload, status, attempts, created_at, updated_at)
                VALUES ($1, $2, $3, 'queued', 0, $4, $4) ON CONFLICT (source_file, source_line) DO NOTHING
                """, [.text(sourceFile), .integer(Int64(sourceLine)), .text(clean), .integer(time.microseconds)])
            guard let ticket = try db.query(
                "SELECT \(Self.ticketColumns) FROM tickets WHERE source_file = $1 AND source_line = $2",
                [.text(sourceFile), .integer(Int64(sourceLine))]).decoded(Self.ticket).first
            else { throw .notFound("ticket vanished") }
            return ticket
        }
    }

    public func claimTickets(worker: String, limit: Int, lease: TimeInterval, at time: Date) throws(StorageError)
        -> [Ticket]
    {
        let count = try Self.limit(limit)
        return try write { (db) throws(StorageError) in
            let lock = db.dialect == .postgres ? "FOR UPDATE SKIP LOCKED" : ""
            let now = time.microseconds
            return try db.query("""
                UPDATE tickets SET status = 'claimed', claimed_by = $1, lease_until = $2, attempts = attempts + 1,
                    updated_at = $3
                WHERE id IN (SELECT id FROM tickets WHERE status = 'queued' OR (status = 'claimed' AND lease_until < $3)
                             ORDER BY id LIMIT $4 \(lock))
                RETURNING \(Self.ticketColumns)
                """, [.text(worker), .integer(now + Int64((lease * 1_000_000).rounded())), .integer(now), .integer(count)])
                .decoded(Self.ticket).sorted { $0.id < $1.id }
        }
    }

    public func completeTicket(id: Int64, worker: String, resultJSON: String, at time: Date) throws(StorageError) {
        let result = try policy.cleaned(json: resultJSON, field: "ticket result")
        let changed = try write { (db) throws(StorageError) in
            try db.execute("""
                UPDATE tickets SET status = 'done', result = $1, lease_until = NULL, updated_at = $2
                WHERE id = $3 AND claimed_by = $4 AND status = 'claimed'
                """, [.text(result), .integer(time.microseconds), .integer(id), .text(worker)])
        }
        guard changed == 1 else { throw .leaseLost("ticket \(id) is not claimed by \(worker)") }
    }

    public func failTicket(id: Int64, worker: String, error: String, maxAttempts: Int, at time: Date) throws(StorageError) {
        let message = try policy.cleaned(error, field: "ticket error")
        let changed = try write { (db) throws(StorageError) in
            try db.execute("""
                UPDATE tickets SET status = CASE WHEN attempts >= $1 THEN 'failed' ELSE 'queued' END, last_error = $2,
                    claimed_by = NULL, lease_until = NULL, updated_at = $3
                WHERE id = $4 AND claimed_by = $5 AND status = 'claimed'
                """, [.integer(Int64(maxAttempts)), .text(message), .integer(time.microseconds), .integer(id), .text(worker)])
        }
        guard changed == 1 else { throw .leaseLost("ticket \(id) is not claimed by \(worker)") }
    }

    public func tickets(status: TicketStatus?) throws(StorageError) -> [Ticket] {
        try withDatabase { (db) throws(StorageError) in
            if let status {
                return try db.query("SELECT \(Self.ticketColumns) FROM tickets WHERE status = $1 ORDER BY id",
                                    [.text(status.rawValue)]).decoded(Self.ticket)
            }
            return try db.query("SELECT \(Self.ticketColumns) FROM tickets ORDER BY id", []).decoded(Self.ticket)
        }
    }
}
