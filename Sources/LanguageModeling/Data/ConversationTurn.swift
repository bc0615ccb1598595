// An earlier message of a conversation, placed before the current customer text as context.

/// One earlier message: who said it and what.
public struct ConversationTurn: Codable, Sendable, Hashable {
    /// Who wrote a turn.
    public enum Speaker: String, Codable, Sendable, Hashable {
        /// The customer (encoded after `<customer>`).
        case customer
        /// The agent or bot (encoded after `<agent>`).
        case agent
    }

    /// Who wrote it.
    public var speaker: Speaker
    /// What was written.
    public var text: String

    /// A turn by `speaker` saying `text`.
    public init(speaker: Speaker, text: String) {
        self.speaker = speaker
        self.text = text
    }
}
