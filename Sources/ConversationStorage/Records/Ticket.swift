// A ticket in the batch-answering queue: enqueued from a file line, claimed under a lease by a
// worker, then done (with a result) or failed (after too many attempts).
import Foundation

/// Where a ticket stands in the queue.
public enum TicketStatus: String, Codable, Sendable, CaseIterable {
    case queued, claimed, done, failed
}

/// A stored ticket. Ids are assigned by the store.
public struct Ticket: Codable, Sendable, Equatable, Identifiable {
    /// Store-assigned identifier.
    public var id: Int64
    /// The file the ticket was read from.
    public var sourceFile: String
    /// Its line (or record number) in that file; (file, line) is unique.
    public var sourceLine: Int
    /// The ticket as read, usually JSON (redacted).
    public var payload: String
    /// Queued, claimed, done or failed.
    public var status: TicketStatus
    /// The worker holding the lease.
    public var claimedBy: String?
    /// When the lease runs out; after that another worker may claim it.
    public var leaseUntil: Date?
    /// How many times it has been claimed.
    public var attempts: Int
    /// The answer as JSON (intent, sentiment, reply, route), once done.
    public var resultJSON: String?
    /// The last failure's message, if any.
    public var lastError: String?
    /// When it was enqueued.
    public var createdAt: Date

    /// A ticket record (normally made by the store).
    public init(id: Int64, sourceFile: String, sourceLine: Int, payload: String, status: TicketStatus = .queued,
                claimedBy: String? = nil, leaseUntil: Date? = nil, attempts: Int = 0, resultJSON: String? = nil,
                lastError: String? = nil, createdAt: Date = Date()) {
        self.id = id
        self.sourceFile = sourceFile
        self.sourceLine = sourceLine
        self.payload = payload
        self.status = status
        self.claimedBy = claimedBy
        self.leaseUntil = leaseUntil
        self.attempts = attempts
        self.resultJSON = resultJSON
        self.lastError = lastError
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, payload, status, attempts
        case sourceFile = "source_file", sourceLine = "source_line", claimedBy = "claimed_by"
        case leaseUntil = "lease_until", resultJSON = "result", lastError = "last_error", createdAt = "created_at"
    }
}
