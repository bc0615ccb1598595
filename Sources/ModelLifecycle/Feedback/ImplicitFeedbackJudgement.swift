// One piece of implicit feedback: which reply it judges, what the customer did next, and
// whether that counts against the reply (never a reply target, queued for review) or weakly for it.

/// A turn of one conversation: its id (transcript id, or a stored conversation's UUID) and the
/// turn's 0-based index in the turns judged.
public struct ConversationTurnReference: Hashable, Sendable, CustomStringConvertible {
    /// The transcript id, or the stored conversation's UUID in lower case.
    public var conversation: String
    /// The turn's 0-based index (transcript turns; for stored conversations, messages without system ones).
    public var turn: Int

    /// Creates a reference.
    public init(conversation: String, turn: Int) {
        self.conversation = conversation
        self.turn = turn
    }

    /// `conversation#turn`.
    public var description: String { "\(conversation)#\(turn)" }
}

/// What the customer did after a reply, read as feedback on it.
public struct ImplicitFeedbackJudgement: Hashable, Sendable {
    /// What made the judgement, strongest first.
    public enum Signal: String, CaseIterable, Hashable, Sendable {
        /// The conversation was handed to a person after the customer's next turn (or that turn asked for one).
        case handOff = "hand_off"
        /// The customer's next turn was clearly negative.
        case negativeTurn = "negative_turn"
        /// The customer's next turn thanked the agent.
        case thanks
        /// The customer's next turn was positive.
        case positiveTurn = "positive_turn"

        /// Whether the signal counts against the reply (hand-off, negative turn) or weakly for it.
        public var isNegative: Bool { self == .handOff || self == .negativeTurn }
    }

    /// The reply judged (an agent or bot turn).
    public var reply: ConversationTurnReference
    /// The customer turn the reply answered, if the reply followed one: with the reply, what a
    /// person reviews when the judgement is negative.
    public var question: ConversationTurnReference?
    /// The customer turn after the reply, whose reading made the judgement.
    public var next: ConversationTurnReference
    /// What made the judgement.
    public var signal: Signal
    /// The sentiment score of the next turn, in −1…1.
    public var score: Double

    /// Creates a judgement.
    public init(reply: ConversationTurnReference, question: ConversationTurnReference?, next: ConversationTurnReference,
                signal: Signal, score: Double) {
        self.reply = reply
        self.question = question
        self.next = next
        self.signal = signal
        self.score = score
    }
}
