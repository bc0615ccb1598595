// One customer request as read from a ticket file (or, later, a mail message), with where it
// came from and the key that resume and the queue use to recognise it.
import Primitives

/// Where a ticket (or a problem with one) is in its file.
public struct TicketLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// The 1-based line the record starts on, when the format has lines.
    public var line: Int?
    /// The byte offset of the record, when known (JSON Lines, mbox).
    public var byteOffset: Int?

    /// A location.
    public init(file: String, line: Int? = nil, byteOffset: Int? = nil) {
        self.file = file
        self.line = line
        self.byteOffset = byteOffset
    }

    /// `file:line`, `file@offset` or `file`.
    public var description: String {
        if let line { return "\(file):\(line)" }
        if let byteOffset { return "\(file)@\(byteOffset)" }
        return file
    }
}

/// A ticket to answer.
public struct TicketRequest: Hashable, Sendable {
    /// The ticket's id in its source (a column, a key or a Message-ID), if it has one.
    public var id: String?
    /// The subject line (may be empty).
    public var subject: String
    /// The customer's request.
    public var body: String
    /// The customer's name, when known (used in the greeting).
    public var customer: String?
    /// When the ticket was created, as written in the source.
    public var created: String?
    /// Where it was read.
    public var location: TicketLocation

    /// A ticket.
    public init(id: String?, subject: String = "", body: String, customer: String? = nil, created: String? = nil,
                location: TicketLocation) {
        self.id = id
        self.subject = subject
        self.body = body
        self.customer = customer
        self.created = created
        self.location = location
    }

    /// What is analysed: the subject and the body, one per line (the body alone without a subject).
    public var text: String {
        if subject.isEmpty { return body }
        return body.isEmpty ? subject : subject + "\n" + body
    }

    /// The ticket's key in outputs, resume and the queue: its id, else `h-` and a hash of its text.
    public var key: String {
        if let id, !id.isEmpty { return id }
        return "h-" + String(FNV1a.hash(Array(text.utf8)), radix: 16)
    }
}

/// A record that could not be read as a ticket: where, and why.
public struct TicketReadFailure: Hashable, Sendable, Error, CustomStringConvertible {
    /// Where the record is.
    public var location: TicketLocation
    /// What is wrong with it (no customer text).
    public var reason: String

    /// A failure at `location`.
    public init(location: TicketLocation, reason: String) {
        self.location = location
        self.reason = reason
    }

    /// `file:line: reason`.
    public var description: String { "\(location): \(reason)" }
}
