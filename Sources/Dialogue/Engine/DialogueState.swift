// What the engine remembers about one conversation between turns: recent turns (the model's
// context), slot values seen so far, the intent waiting for a slot, misses in a row and mood.
import FileFormats
import LanguageModeling
import Sentiment

/// The memory of one conversation.
public struct DialogueState: Sendable, Equatable {
    /// The last turns, oldest first, at most `contextLimit`.
    public private(set) var recentTurns: [ConversationTurn] = []
    /// How many turns `recentTurns` keeps.
    public var contextLimit: Int
    /// The latest value of each slot the customer has given (order number, e-mail, …).
    public var slots: [EntityKind: String] = [:]
    /// The intent whose reply waits for `pendingSlot`.
    public var pendingIntent: String?
    /// The slot the bot last asked for.
    public var pendingSlot: EntityKind?
    /// Customer turns in a row the bot did not understand.
    public var consecutiveMisses = 0
    /// The customer's mood over the conversation.
    public var mood = ConversationMood()
    /// How often each intent was answered from a template (rotates through its responses).
    public var templateUses: [String: Int] = [:]
    /// True once the conversation was handed to a human; the next message starts a new one.
    public var handedOff = false

    /// An empty conversation keeping `contextLimit` turns of context.
    public init(contextLimit: Int = 6) {
        self.contextLimit = max(0, contextLimit)
    }

    /// The last bot reply, if any.
    public var lastBotReply: String? {
        recentTurns.last { $0.speaker == .agent }?.text
    }

    /// Appends a turn, dropping the oldest beyond `contextLimit`.
    public mutating func remember(_ turn: ConversationTurn) {
        recentTurns.append(turn)
        if recentTurns.count > contextLimit { recentTurns.removeFirst(recentTurns.count - contextLimit) }
    }
}
