// The knobs of ticket answering, with the defaults `chatbot answer` uses: how replies are
// made and framed, and the thresholds behind routing and multi-intent reading.
import Dialogue
import Sentiment

/// How tickets are answered and routed.
public struct TicketAnsweringSettings: Sendable {
    /// Leave out the greeting and sign-off (chat-style channels, measuring the reply itself).
    public var plain = false
    /// Ask the model for a reply (used when it passes the reply checks) before the template.
    public var generateReplies = true
    /// Below this confidence the ticket is routed to review.
    public var sendConfidence = 0.7
    /// A sentence's intent joins the ticket's intents at or above this confidence.
    public var additionalIntentConfidence = 0.8
    /// At or below this sentiment score the ticket goes to a human (the chat's hand-off threshold).
    public var humanSentimentScore = DialogueEngine.defaultEscalation.lastTurnThreshold
    /// The most sentences of one ticket read on their own.
    public var maximumSentences = 8
    /// The answer when no intent of the ticket can be answered (a person will write one).
    public var holdingReply = "Thank you for your message. We have passed it to a member of our team, who will get back to you shortly."

    /// The defaults.
    public init() {}
}
