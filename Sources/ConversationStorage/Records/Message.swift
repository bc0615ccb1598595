// One turn: what a customer, the bot or a human agent said, with what the bot understood.
import Foundation

/// Who said a message.
public enum MessageRole: String, Codable, Sendable, CaseIterable {
    case customer, bot, agent, system
}

/// How a bot or agent reply was produced.
public enum ReplySource: String, Codable, Sendable, CaseIterable {
    case generated, template, fallback, human
}

/// A stored message. `id` is client-generated (exactly-once replay); `seq` is assigned by the
/// store on append (1, 2, … within the conversation).
public struct Message: Codable, Sendable, Equatable, Identifiable {
    /// Client-generated identifier, unique across the store.
    public var id: UUID
    /// The conversation it belongs to.
    public var conversationID: UUID
    /// Position in the conversation, from 1; 0 until stored.
    public var seq: Int
    /// Customer, bot, agent or system.
    public var role: MessageRole
    /// The text as stored (redacted when redaction is on).
    public var text: String
    /// The recognised intent, for customer messages.
    public var intent: String?
    /// The intent's probability in 0…1.
    public var confidence: Double?
    /// Extracted entities as a JSON text (redacted like `text`).
    public var entitiesJSON: String?
    /// Sentiment label, e.g. `negative`.
    public var sentimentLabel: String?
    /// Sentiment score, e.g. in −1…1.
    public var sentimentScore: Double?
    /// How a reply was produced.
    public var replySource: ReplySource?
    /// The model version that produced or read the message.
    public var modelVersion: String?
    /// Milliseconds the bot took to reply.
    public var latencyMilliseconds: Double?
    /// When it was said.
    public var createdAt: Date

    /// A message to append; `seq` is filled in by the store.
    public init(id: UUID = UUID(), conversationID: UUID, seq: Int = 0, role: MessageRole, text: String,
                intent: String? = nil, confidence: Double? = nil, entitiesJSON: String? = nil,
                sentimentLabel: String? = nil, sentimentScore: Double? = nil, replySource: ReplySource? = nil,
                modelVersion: String? = nil, latencyMilliseconds: Double? = nil, createdAt: Date = Date()) {
        self.id = id
        self.conversationID = conversationID
        self.seq = seq
        self.role = role
        self.text = text
        self.intent = intent
        self.confidence = confidence
        self.entitiesJSON = entitiesJSON
        self.sentimentLabel = sentimentLabel
        self.sentimentScore = sentimentScore
        self.replySource = replySource
        self.modelVersion = modelVersion
        self.latencyMilliseconds = latencyMilliseconds
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, seq, role, text, intent, confidence
        case conversationID = "conversation_id", entitiesJSON = "entities"
        case sentimentLabel = "sentiment_label", sentimentScore = "sentiment_score"
        case replySource = "reply_source", modelVersion = "model_version"
        case latencyMilliseconds = "latency_ms", createdAt = "created_at"
    }
}
