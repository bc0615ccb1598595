// The conventions that tie the transcript format to the conversation store, shared by the
// importer and the exporter so that what one writes the other reads back: stable ids, where
// the transcript id and channel are kept, roles, rating values and turn times.
import ConversationStorage
import Foundation

/// How transcripts map onto stored conversations (docs/FORMATS.md "Transcripts in the store").
public enum TranscriptStoreMapping {
    /// The prefix of `customer_ref` on imported conversations: `transcript:<channel>:<id>`.
    /// The store's `channel` column only knows chat/ticket/import, so the transcript's own channel
    /// and id live here.
    public static let referencePrefix = "transcript:"

    /// The conversation id of transcript `id`.
    public static func conversationID(transcript id: String) -> UUID {
        NameBasedUUID.v5("transcript/\(id)")
    }

    /// The message id of turn `index` (0-based) of transcript `id`.
    public static func messageID(transcript id: String, turn index: Int) -> UUID {
        NameBasedUUID.v5("transcript/\(id)/turn/\(index)")
    }

    /// The feedback id of item `item` (0-based) on turn `index` of transcript `id`.
    public static func feedbackID(transcript id: String, turn index: Int, item: Int) -> UUID {
        NameBasedUUID.v5("transcript/\(id)/turn/\(index)/feedback/\(item)")
    }

    /// `transcript:<channel>:<id>`.
    public static func customerReference(_ transcript: Transcript) -> String {
        "\(referencePrefix)\(transcript.channel.rawValue):\(transcript.id)"
    }

    /// The channel and id kept in an imported conversation's `customer_ref`, or nil.
    public static func transcriptReference(_ customerRef: String?) -> (channel: Transcript.Channel, id: String)? {
        guard let customerRef, customerRef.hasPrefix(referencePrefix) else { return nil }
        let rest = customerRef.dropFirst(referencePrefix.count)
        guard let colon = rest.firstIndex(of: ":"), let channel = Transcript.Channel(rawValue: String(rest[..<colon]))
        else { return nil }
        let id = String(rest[rest.index(after: colon)...])
        return id.isEmpty ? nil : (channel, id)
    }

    /// The transcript channel of a stored conversation that was not imported.
    public static func channel(of conversation: Conversation) -> Transcript.Channel {
        switch conversation.channel {
        case .ticket: .email  // tickets arrive as e-mails or web forms; e-mail is the closer
        case .chat, .import: .chat
        }
    }

    /// The time stored for turn `index`: one second apart from the start, so that turns keep
    /// their order by time as well as by `seq`, and re-imports store identical rows.
    public static func turnTime(started: Date, turn index: Int) -> Date {
        started.addingTimeInterval(TimeInterval(index))
    }

    /// The time stored for feedback item `item` on a turn: a millisecond apart, to keep their order.
    public static func feedbackTime(turnTime: Date, item: Int) -> Date {
        turnTime.addingTimeInterval(0.001 * TimeInterval(item + 1))
    }

    /// The stored rating value for good or bad.
    public static func ratingValue(good: Bool) -> String { good ? "good" : "bad" }

    /// Whether a stored rating counts as good (`good`, `up`, 4, 5), bad (`bad`, `down`, 1, 2),
    /// or neither (nil: a 3 or a value we do not know).
    public static func isGoodRating(_ value: String) -> Bool? {
        switch value.trimmingCharacters(in: .whitespaces).lowercased() {
        case "good", "up", "4", "5": true
        case "bad", "down", "1", "2": false
        default: nil
        }
    }
}
