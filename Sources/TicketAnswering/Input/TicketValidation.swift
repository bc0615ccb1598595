// The checks every source applies to a ticket it read, so CSV, JSON Lines and mail agree on
// what counts as unanswerable: nothing to read, or more text than a ticket can sensibly hold.

/// Checks a ticket before it is answered.
public enum TicketValidation {
    /// The most text analysed per ticket, in UTF-8 bytes (a 1 MB body is fine, 4 MiB is not a ticket).
    public static let maximumTextBytes = 4 * 1024 * 1024

    /// `.ticket(ticket)` if it can be answered, else a failure saying why.
    public static func checked(_ ticket: TicketRequest) -> TicketSourceItem {
        if ticket.text.allSatisfy(\.isWhitespace) {
            return .failure(TicketReadFailure(location: ticket.location, reason: "empty ticket (no subject and no body)"))
        }
        let bytes = ticket.text.utf8.count
        if bytes > maximumTextBytes {
            return .failure(TicketReadFailure(location: ticket.location,
                                              reason: "ticket text of \(bytes) bytes is over the limit of \(maximumTextBytes)"))
        }
        return .ticket(ticket)
    }
}
