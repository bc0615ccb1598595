// The seam between the dialogue engine and whatever reads messages: the trained model
// (`ChatModelUnderstanding`) or the example matcher (the fallback and baseline). The engine calls
// it under its own lock, one turn at a time; earlier turns come as LanguageModeling's `ConversationTurn`.
import LanguageModeling

/// Reads customer messages (intent, confidence, sentiment) and, if it has a language model,
/// writes delexicalised replies.
///
/// Implementations need not be thread-safe: `DialogueEngine` never calls one from two threads at once.
public protocol LanguageUnderstanding: AnyObject {
    /// The version stored with every message this understanding read or wrote, e.g. `examples-1a2b3c4d`.
    var modelVersion: String { get }

    /// What `text` asks for, after the earlier turns `context` (oldest first).
    func analyse(_ text: String, context: [ConversationTurn]) throws -> Understanding

    /// What each of `texts` asks for, each read alone (a batch: the model reads many at once).
    func analyse(batch texts: [String]) throws -> [Understanding]

    /// A reply for `intent` with `{slot}` placeholders left in, or nil when there is no language
    /// model (the engine then uses the intent's template reply).
    func generateReply(intent: String, text: String, context: [ConversationTurn]) throws -> String?
}

extension LanguageUnderstanding {
    /// Reads the texts one by one; understandings with a faster batch path implement their own.
    public func analyse(batch texts: [String]) throws -> [Understanding] {
        try texts.map { try analyse($0, context: []) }
    }
}
