// Everything the engine reports about one customer turn: the reply and what it understood,
// with the ids of the stored messages so feedback can refer to them.
import ConversationStorage
import FileFormats
import Foundation
import Sentiment

/// The outcome of `DialogueEngine.respond(to:)`.
public struct TurnResult: Sendable {
    /// The bot's reply, as shown to the customer.
    public var reply: String
    /// The policy's move (answer, ask for a slot, rephrase, hand off).
    public var move: DialogueDecision.Move
    /// The intent the reply is about, or nil when nothing was understood.
    public var intent: String?
    /// The understanding's top intent for the message (even when out of scope).
    public var detectedIntent: String?
    /// The top intent's probability.
    public var confidence: Double?
    /// The best intents, most likely first.
    public var ranked: [IntentGuess]
    /// Entities found in the message.
    public var entities: [Entity]
    /// The message's sentiment.
    public var sentiment: SentimentResult
    /// How the reply was produced.
    public var source: ReplySource
    /// Whether the conversation was handed to a human with this turn.
    public var handedOff: Bool
    /// Intent names offered when asking to rephrase.
    public var suggestions: [String]
    /// Milliseconds from receiving the message to having the reply (before storing it).
    public var latencyMilliseconds: Double
    /// The conversation the turn belongs to.
    public var conversationID: UUID
    /// The model version that read the message.
    public var modelVersion: String
    /// Why the turn failed inside the engine (the reply is then an apology), if it did.
    public var error: String?
    /// Why storing the turn failed, if it did (the reply is still valid).
    public var storageError: String?

    /// The move as one word: `answer`, `ask_slot`, `rephrase`, `handoff`.
    public var moveName: String {
        switch move {
        case .answer: "answer"
        case .askSlot: "ask_slot"
        case .rephrase: "rephrase"
        case .handOff: "handoff"
        }
    }

    /// The entities as stored: a JSON array of `{"kind","value","text"}` objects.
    public var entitiesJSON: String { Self.entitiesJSON(entities) }

    /// `entities` as a JSON array of `{"kind","value","text"}` objects, keys sorted.
    public static func entitiesJSON(_ entities: [Entity]) -> String {
        let rows = entities.map { ["kind": $0.kind.rawValue, "value": $0.value, "text": $0.text] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(rows), let text = String(data: data, encoding: .utf8) else { return "[]" }
        return text
    }
}
