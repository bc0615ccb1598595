// The kinds of entity the extractor finds; they are also the closed set of slots a response may
// use as `{placeholder}` (docs/FORMATS.md), since each slot is filled by the entity of its kind.

/// A kind of entity, and the slot of the same name (raw value = placeholder name).
public enum EntityKind: String, CaseIterable, Hashable, Sendable, Codable {
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
    /// Payment card number (13–19 digits passing the Luhn check); personal data, so the store
    /// keeps only its placeholder.
    case cardNumber = "card_number"
}

extension EntityKind {
    /// Whether replies may use it as a `{slot}`: every kind but the card number, which the bot
    /// never repeats.
    public var isSlot: Bool { self != .cardNumber }

    /// The kinds that may fill a `{slot}`, in declaration order.
    public static var slotKinds: [EntityKind] { allCases.filter(\.isSlot) }

    /// Whether its value is personal data (e-mail, phone, card number), which the store keeps
    /// only as the `{kind}` placeholder.
    public var isPersonalData: Bool { self == .email || self == .phone || self == .cardNumber }
}
