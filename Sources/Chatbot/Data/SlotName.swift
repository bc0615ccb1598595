// The closed set of slots a response may use (docs/FORMATS.md); each is filled by the entity
// of the same kind, so the raw values double as entity-kind names.

/// A slot an intent's responses can use as a `{placeholder}`.
public enum SlotName: String, CaseIterable, Hashable, Sendable, Codable {
    /// 8-digit order number.
    case orderID = "order_id"
    /// E-mail address.
    case email
    /// Phone number.
    case phone
    /// Money amount with currency.
    case amount
    /// Calendar date.
    case date
    /// A product from the domain's product list.
    case product
    /// Courier tracking number (two letters, 9 digits, two letters).
    case trackingNumber = "tracking_number"
}
