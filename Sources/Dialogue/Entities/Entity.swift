// One entity found in a customer message: its kind, its normalised value (what fills a slot)
// and where it sits in the text.
import FileFormats

/// An entity found in a message.
public struct Entity: Hashable, Sendable, CustomStringConvertible {
    /// What kind of entity it is (also the slot it fills).
    public var kind: EntityKind
    /// The normalised value: 8 digits for an order number, `24.99 EUR` for an amount,
    /// `2026-05-03` for a date, the canonical product name, `+15550142` for a phone.
    public var value: String
    /// The text as written in the message.
    public var text: String
    /// Where `text` is in the message (indices of the string that was analysed).
    public var range: Range<String.Index>
    /// The same place as offsets in Unicode scalars from the start of the message.
    public var scalarOffsets: Range<Int>

    /// Creates an entity.
    public init(kind: EntityKind, value: String, text: String, range: Range<String.Index>, scalarOffsets: Range<Int>) {
        self.kind = kind
        self.value = value
        self.text = text
        self.range = range
        self.scalarOffsets = scalarOffsets
    }

    /// `kind=value`, e.g. `order_id=48213377`.
    public var description: String { "\(kind.rawValue)=\(value)" }
}

/// A possible entity before overlaps are resolved; `rank` orders competing scanners.
struct EntityCandidate {
    var kind: EntityKind
    var value: String
    /// Scalar offsets into the message.
    var start: Int
    var end: Int
    /// Lower wins when candidates overlap (see `EntityExtractor` for the order).
    var rank: Int
}
