// The seam every ticket input plugs into: CSV and JSON Lines here, e-mail (`.eml`, folders,
// mbox) from FileFormats/Mail later. A source yields tickets or per-record failures in file order.

/// One record of a ticket source: a ticket, or why the record is not one.
public enum TicketSourceItem: Sendable {
    /// A readable ticket.
    case ticket(TicketRequest)
    /// A record that could not be read; the run goes on.
    case failure(TicketReadFailure)
}

/// Yields the tickets of one input, streamed (memory stays flat on a large file).
public protocol TicketSource: AnyObject {
    /// The next record, or nil at the end.
    ///
    /// - Throws: `TicketAnsweringError` only when the input cannot go on at all (a read error).
    func next() throws -> TicketSourceItem?
}
