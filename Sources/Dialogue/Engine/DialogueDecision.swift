// The outcome of the policy for one customer turn: what to say, why, and where it came from.
import ConversationStorage
import FileFormats
import Sentiment

/// Why a conversation goes to a human.
public enum HandoffReason: Equatable, Sendable {
    /// The customer asked for a person (`human_handoff`).
    case requested
    /// The intent is marked `handoff: true` (e.g. `complaint`).
    case intentRequiresHuman
    /// The sentiment escalation policy fired.
    case sentiment(EscalationReason)
    /// Two messages in a row were not understood.
    case repeatedMisses

    /// A short name for logs and JSON output: `requested`, `intent`, `sentiment`, `misses`.
    public var name: String {
        switch self {
        case .requested: "requested"
        case .intentRequiresHuman: "intent"
        case .sentiment: "sentiment"
        case .repeatedMisses: "misses"
        }
    }
}

/// What the policy decided for one turn.
public struct DialogueDecision: Equatable, Sendable {
    /// The kind of move.
    public enum Move: Equatable, Sendable {
        /// The intent is answered.
        case answer
        /// A slot is missing: its question is asked and the intent waits.
        case askSlot(EntityKind)
        /// The message was not understood: rephrase, with suggestions.
        case rephrase
        /// The conversation goes to a human.
        case handOff(HandoffReason)
    }

    /// The move.
    public var move: Move
    /// The intent the reply is about (nil when nothing was understood).
    public var intent: String?
    /// The reply text, placeholders filled.
    public var reply: String
    /// Generated, template or fallback (fixed text of the engine).
    public var source: ReplySource
    /// Intent names offered when asking to rephrase, best first.
    public var suggestions: [String] = []
    /// Why a generated reply was rejected, if one was and the template was used instead.
    public var rejectedGeneration: String? = nil

    /// Whether the move hands the conversation to a human.
    public var handsOff: Bool {
        if case .handOff = move { return true }
        return false
    }
}
