// Turns values a reply copies from the customer's message back into slots, so that the model
// learns `Order {order_id} ships tomorrow.` rather than one customer's number, and the engine
// fills the slot from the next customer's message.
import FileFormats
import Foundation

/// Replaces the message's entity values in a reply with their `{slot}` placeholders.
public struct ReplyDelexicaliser: Sendable {
    private let extractor: EntityExtractor

    /// A delexicaliser finding entities with `extractor`.
    public init(extractor: EntityExtractor = EntityExtractor()) {
        self.extractor = extractor
    }

    /// `reply` with each entity of `message` (as written, and as normalised) replaced by its kind's
    /// placeholder; `reference` resolves relative dates.
    public func delexicalised(_ reply: String, message: String, reference: Date = Date()) -> String {
        let entities = extractor.entities(in: message, reference: reference)
        return Self.replacing(entities.flatMap { [(kind: $0.kind, value: $0.text), (kind: $0.kind, value: $0.value)] }, in: reply)
    }

    /// `text` with each value replaced by its kind's placeholder, longest values first (so a value
    /// inside another is not half-replaced); values shorter than 3 characters are left alone, since
    /// they would match inside unrelated words.
    public static func replacing(_ values: [(kind: EntityKind, value: String)], in text: String) -> String {
        var result = text
        let ordered = values.filter { $0.value.count >= 3 }.sorted { $0.value.count > $1.value.count }
        for (kind, value) in ordered {
            result = result.replacingOccurrences(of: value, with: "{\(kind.rawValue)}")
        }
        return result
    }
}
