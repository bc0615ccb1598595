// A conversation: one chat session, one answered ticket or one imported transcript.
import Foundation

/// Where a conversation came from.
public enum ConversationChannel: String, Codable, Sendable, CaseIterable {
    case chat, ticket, `import`
}

/// Where a conversation stands.
public enum ConversationStatus: String, Codable, Sendable, CaseIterable {
    case open, closed
    case handedOff = "handed_off"
    case abandoned
}

/// A stored conversation. The id is chosen by the client so a spooled start can be replayed.
public struct Conversation: Codable, Sendable, Equatable, Identifiable {
    /// Client-generated identifier.
    public var id: UUID
    /// Chat, ticket or import.
    public var channel: ConversationChannel
    /// When it started (stored to the microsecond).
    public var startedAt: Date
    /// When it ended, if it has.
    public var endedAt: Date?
    /// An opaque reference to the customer (redacted like text when redaction is on).
    public var customerRef: String?
    /// Open, closed, handed off or abandoned.
    public var status: ConversationStatus
    /// How many messages it holds; also the last message's `seq`.
    public var messageCount: Int

    /// A new, open conversation.
    public init(id: UUID = UUID(), channel: ConversationChannel = .chat, startedAt: Date = Date(),
                endedAt: Date? = nil, customerRef: String? = nil, status: ConversationStatus = .open,
                messageCount: Int = 0) {
        self.id = id
        self.channel = channel
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.customerRef = customerRef
        self.status = status
        self.messageCount = messageCount
    }

    enum CodingKeys: String, CodingKey {
        case id, channel, status
        case startedAt = "started_at", endedAt = "ended_at", customerRef = "customer_ref"
        case messageCount = "message_count"
    }
}
