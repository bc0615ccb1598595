// What a server keeps about one web conversation between requests, so that any replica can take
// its next message: the hash of the customer's token and the dialogue state as JSON.
import Foundation

/// A conversation's serving session: who may continue it and where the dialogue stands.
public struct ConversationSession: Sendable, Equatable {
    /// The conversation (a row of `conversations`).
    public var conversationID: UUID
    /// The SHA-256 of the customer's conversation token, hex; the token itself is never stored.
    public var tokenHash: String
    /// The dialogue state as JSON; stored like entities (personal values masked, text redacted).
    public var stateJSON: String
    /// Incremented by every save; a save naming an older revision is refused.
    public var revision: Int
    /// When it was last saved (stored to the microsecond).
    public var updatedAt: Date

    /// A session record.
    public init(conversationID: UUID, tokenHash: String, stateJSON: String, revision: Int = 0, updatedAt: Date = Date()) {
        self.conversationID = conversationID
        self.tokenHash = tokenHash
        self.stateJSON = stateJSON
        self.revision = revision
        self.updatedAt = updatedAt
    }
}
