// The seam between the dialogue engine and whatever reads messages: the neural model later, the
// example matcher today. The engine calls it under its own lock, one turn at a time.

/// One earlier message of a conversation, given to the understanding as context.
public struct DialogueTurn: Hashable, Sendable, Codable {
    /// Who wrote a turn.
    public enum Speaker: String, Hashable, Sendable, Codable {
        /// The customer.
        case customer
        /// The bot or a human agent.
        case agent
    }

    /// Who wrote it.
    public var speaker: Speaker
    /// What was written (as the customer or bot wrote it, placeholders filled).
    public var text: String

    /// A turn by `speaker` saying `text`.
    public init(speaker: Speaker, text: String) {
        self.speaker = speaker
        self.text = text
    }
}

/// Reads customer messages (intent, confidence, sentiment) and, if it has a language model,
/// writes delexicalised replies.
///
/// Implementations need not be thread-safe: `DialogueEngine` never calls one from two threads at once.
public protocol LanguageUnderstanding: AnyObject {
    /// The version stored with every message this understanding read or wrote, e.g. `examples-1a2b3c4d`.
    var modelVersion: String { get }

    /// What `text` asks for, after the earlier turns `context` (oldest first).
    func analyse(_ text: String, context: [DialogueTurn]) throws -> Understanding

    /// A reply for `intent` with `{slot}` placeholders left in, or nil when there is no language
    /// model (the engine then uses the intent's template reply).
    func generateReply(intent: String, text: String, context: [DialogueTurn]) throws -> String?
}
