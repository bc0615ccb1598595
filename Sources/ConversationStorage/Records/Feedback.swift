// Feedback on one message: a rating, a corrected intent or a better reply, for fine-tuning.
import Foundation

/// What a feedback row says.
public enum FeedbackKind: String, Codable, Sendable, CaseIterable {
    case rating
    case correctedIntent = "corrected_intent"
    case betterReply = "better_reply"
}

/// A stored feedback row. The id is client-generated so spooled feedback replays exactly once.
public struct Feedback: Codable, Sendable, Equatable, Identifiable {
    /// Client-generated identifier.
    public var id: UUID
    /// The message it is about.
    public var messageID: UUID
    /// Rating, corrected intent or better reply.
    public var kind: FeedbackKind
    /// The rating (`1`…`5`, `up`, `down`), the intent name or the reply text (redacted).
    public var value: String
    /// Who gave it.
    public var author: String?
    /// When it was given.
    public var createdAt: Date

    /// New feedback.
    public init(id: UUID = UUID(), messageID: UUID, kind: FeedbackKind, value: String, author: String? = nil,
                createdAt: Date = Date()) {
        self.id = id
        self.messageID = messageID
        self.kind = kind
        self.value = value
        self.author = author
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, value, author
        case messageID = "message_id", createdAt = "created_at"
    }
}
