// The bot's reply as the store keeps it: as sent, except that personal data the customer gave
// and the reply repeats (their e-mail, phone or card number, filled in from a slot) becomes the
// slot's placeholder. The normalised slot value (`5550142345`) is not a shape the text redactor
// would recognise, so the engine, which knows the values, replaces them.
import FileFormats
import Foundation

/// Builds the stored text of a bot reply.
enum StoredReply {
    /// `reply` with each personal value in `values` replaced by its kind's placeholder
    /// (`ReplyDelexicaliser.replacing`: longest values first).
    static func text(_ reply: String, personal values: [(kind: EntityKind, value: String)]) -> String {
        ReplyDelexicaliser.replacing(values.filter(\.kind.isPersonalData), in: reply)
    }
}
