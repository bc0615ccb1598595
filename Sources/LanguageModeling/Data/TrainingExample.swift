// One training example in memory: what the customer wrote, and whatever labels and reply the
// source files give for it. Readers (YAML, CSV, transcripts) produce these.
import Primitives

/// A customer message with optional intent, sentiment, agent reply and earlier turns.
public struct TrainingExample: Codable, Sendable, Hashable {
    /// The customer's message.
    public var text: String
    /// The intent name, or nil when unlabelled (the intent loss term is then dropped).
    public var intent: String?
    /// The sentiment, or nil when unlabelled.
    public var sentiment: SentimentLabel?
    /// The agent's reply, delexicalised: may contain `{slot}` placeholders. Nil: no LM target after `<cls>`.
    public var reply: String?
    /// Earlier turns, oldest first, placed before the message while they fit the window.
    public var context: [ConversationTurn]

    /// An example; only `text` is required.
    public init(text: String, intent: String? = nil, sentiment: SentimentLabel? = nil, reply: String? = nil,
                context: [ConversationTurn] = []) {
        self.text = text
        self.intent = intent
        self.sentiment = sentiment
        self.reply = reply
        self.context = context
    }

    /// Examples for one intent, each text paired with one of `replies` in turn (round-robin), so
    /// every reply is trained about equally often. With no replies the examples carry none.
    public static func examples(intent: String, texts: [String], replies: [String]) -> [TrainingExample] {
        texts.enumerated().map { index, text in
            TrainingExample(text: text, intent: intent,
                            reply: replies.isEmpty ? nil : replies[index % replies.count])
        }
    }
}
