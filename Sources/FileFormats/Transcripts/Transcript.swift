// A recorded conversation from `conversations/*.jsonl` (docs/FORMATS.md "Transcripts"): its
// turns, their labels (and whether a person or the bot gave them) and the reviewers' feedback.
import ConversationStorage
import Foundation
import Primitives

/// One conversation between a customer and an agent (bot or human).
public struct Transcript: Hashable, Sendable {
    /// Where the conversation took place.
    public enum Channel: String, CaseIterable, Hashable, Sendable {
        /// Live chat.
        case chat
        /// E-mail.
        case email
        /// WhatsApp.
        case whatsapp
        /// Text message.
        case sms
        /// Web form.
        case web
    }

    /// Unique id across all transcript files, e.g. `demo-0001`.
    public var id: String
    /// Where the conversation took place.
    public var channel: Channel
    /// Start time (UTC).
    public var started: Date
    /// The messages in order.
    public var turns: [TranscriptTurn]
    /// The file and line the conversation was read from.
    public var location: SourceLocation
    /// How it ended (`closed`, `handed_off`…), when known; files without it mean closed.
    public var status: ConversationStatus?

    /// Creates a transcript.
    public init(id: String, channel: Channel, started: Date, turns: [TranscriptTurn], location: SourceLocation,
                status: ConversationStatus? = nil) {
        self.id = id
        self.channel = channel
        self.started = started
        self.turns = turns
        self.location = location
        self.status = status
    }
}

/// One message of a transcript.
public struct TranscriptTurn: Hashable, Sendable {
    /// Who wrote the message.
    public enum Role: String, Hashable, Sendable {
        /// The shop's customer.
        case customer
        /// The bot or a human agent.
        case agent
    }

    /// Who wrote it.
    public var role: Role
    /// The message as sent.
    public var text: String
    /// Customer turns: the intent the message belongs to.
    public var intent: String?
    /// Customer turns, optional: the labelled sentiment.
    public var sentiment: SentimentLabel?
    /// Customer turns: who gave `intent` (a person's label unless the file says otherwise).
    public var intentSource: IntentSource = .label
    /// Customer turns whose intent is the bot's reading: its confidence in 0…1.
    public var confidence: Double?
    /// Agent turns, optional: reviewers' judgements.
    public var feedback: [TurnFeedback]

    /// Creates a turn.
    public init(role: Role, text: String, intent: String? = nil, sentiment: SentimentLabel? = nil, feedback: [TurnFeedback] = []) {
        self.role = role
        self.text = text
        self.intent = intent
        self.sentiment = sentiment
        self.feedback = feedback
    }
}

/// Who gave a customer turn's intent, and whether a person checked it.
public enum IntentSource: String, CaseIterable, Hashable, Sendable {
    /// A person's label (every transcript written by hand, and files without the key).
    case label
    /// The bot's reading, which nobody checked.
    case predicted
    /// The bot's reading, and a reviewer rated the reply to it good.
    case confirmed
    /// The bot's reading, which a reviewer corrected (the `corrected_intent` of the next agent turn).
    case corrected
}

/// A reviewer's judgement of an agent turn.
public enum TurnFeedback: Hashable, Sendable {
    /// Was the reply right and helpful (`"good"` → true, `"bad"` → false)?
    case rating(good: Bool)
    /// The intent the bot should have recognised in the preceding customer turn.
    case correctedIntent(String)
    /// A reply the reviewer would rather have seen.
    case betterReply(String)
}
