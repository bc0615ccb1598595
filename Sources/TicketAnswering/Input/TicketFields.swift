// Which columns (CSV) or keys (JSON Lines) hold a ticket's parts: `id`, `subject`, `body` (or
// `text`/`message`), `customer`, `created` by default; other names by flag.

/// The column or key names of a ticket's parts.
public struct TicketFields: Hashable, Sendable {
    /// Names of the id column, first found wins.
    public var id: [String]
    /// Names of the subject column.
    public var subject: [String]
    /// Names of the body column.
    public var body: [String]
    /// Names of the customer-name column.
    public var customer: [String]
    /// Names of the creation-time column.
    public var created: [String]

    /// The default names; a non-nil argument replaces that part's names by one.
    public init(id: String? = nil, subject: String? = nil, body: String? = nil, customer: String? = nil,
                created: String? = nil) {
        self.id = id.map { [$0] } ?? ["id"]
        self.subject = subject.map { [$0] } ?? ["subject"]
        self.body = body.map { [$0] } ?? ["body", "text", "message"]
        self.customer = customer.map { [$0] } ?? ["customer"]
        self.created = created.map { [$0] } ?? ["created"]
    }
}
