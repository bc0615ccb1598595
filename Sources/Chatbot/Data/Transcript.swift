// A recorded conversation from `conversations/*.jsonl` (docs/FORMATS.md "Transcripts"): its
// turns, their labels and the reviewers' feedback on agent turns.
import Foundation

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

    /// Creates a transcript.
    public init(id: String, channel: Channel, started: Date, turns: [TranscriptTurn], location: SourceLocation) {
        self.id = id
        self.channel = channel
        self.started = started
        self.turns = turns
        self.location = location
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

    /// Sentiment label of a customer turn.
    public enum Sentiment: String, CaseIterable, Hashable, Sendable {
        /// Unhappy, angry or frustrated.
        case negative
        /// Neither.
        case neutral
        /// Happy or grateful.
        case positive
    }

    /// Who wrote it.
    public var role: Role
    /// The message as sent.
    public var text: String
    /// Customer turns: the intent the message belongs to.
    public var intent: String?
    /// Customer turns, optional: the labelled sentiment.
    public var sentiment: Sentiment?
    /// Agent turns, optional: reviewers' judgements.
    public var feedback: [TurnFeedback]

    /// Creates a turn.
    public init(role: Role, text: String, intent: String? = nil, sentiment: Sentiment? = nil, feedback: [TurnFeedback] = []) {
        self.role = role
        self.text = text
        self.intent = intent
        self.sentiment = sentiment
        self.feedback = feedback
    }
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
