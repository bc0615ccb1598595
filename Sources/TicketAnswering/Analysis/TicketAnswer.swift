// What one ticket gets: its intents, entities, sentiment, reply and route, as written to the
// output file, the store and the queue (personal data in the reply and entities redacted).
import Dialogue
import FileFormats

/// An entity found in a ticket, as written out.
public struct TicketEntity: Hashable, Sendable {
    /// Its kind (`order_id`, `email`…).
    public var kind: String
    /// The normalised value (the kind's placeholder when it is personal data).
    public var value: String
    /// The text as written (likewise).
    public var text: String

    /// An entity.
    public init(kind: String, value: String, text: String) {
        self.kind = kind
        self.value = value
        self.text = text
    }
}

/// The answer to one ticket.
public struct TicketAnswer: Hashable, Sendable {
    /// The ticket's key: its id, else a hash of its text (`TicketRequest.key`).
    public var id: String
    /// Where the ticket was read.
    public var location: TicketLocation
    /// The intent of the whole ticket (the model's reading even when out of scope; see `outOfScope`).
    public var intent: String
    /// Every intent answered, the ticket's own first, then those of single sentences.
    public var intents: [String]
    /// The probability of `intent`.
    public var confidence: Double
    /// The three likeliest intents of the whole ticket.
    public var top: [IntentGuess]
    /// True when no known intent was read with confidence.
    public var outOfScope: Bool
    /// Entities of the whole ticket.
    public var entities: [TicketEntity]
    /// Negative, neutral or positive.
    public var sentimentLabel: String
    /// Sentiment score in −1…1.
    public var sentimentScore: Double
    /// The reply, framed (greeting and sign-off unless plain), personal data redacted.
    public var reply: String
    /// `generated` if any answer was generated, else `template` (`fallback` for the holding reply).
    public var replySource: String
    /// Send, review or human.
    public var route: TicketRoute
    /// Why it is not simply sent, in a fixed order.
    public var reasons: [TicketRouteReason]
    /// The model that read it.
    public var modelVersion: String
    /// Analysis time attributed to this ticket, in milliseconds.
    public var latencyMilliseconds: Double
    /// The customer's name from the ticket, kept for the store (not written to outputs).
    public var customer: String?
    /// The analysed text, kept for the store (not written to outputs).
    public var text: String

    /// An answer.
    public init(id: String, location: TicketLocation, intent: String, intents: [String], confidence: Double,
                top: [IntentGuess], outOfScope: Bool, entities: [TicketEntity], sentimentLabel: String,
                sentimentScore: Double, reply: String, replySource: String, route: TicketRoute,
                reasons: [TicketRouteReason], modelVersion: String, latencyMilliseconds: Double,
                customer: String? = nil, text: String = "") {
        self.id = id
        self.location = location
        self.intent = intent
        self.intents = intents
        self.confidence = confidence
        self.top = top
        self.outOfScope = outOfScope
        self.entities = entities
        self.sentimentLabel = sentimentLabel
        self.sentimentScore = sentimentScore
        self.reply = reply
        self.replySource = replySource
        self.route = route
        self.reasons = reasons
        self.modelVersion = modelVersion
        self.latencyMilliseconds = latencyMilliseconds
        self.customer = customer
        self.text = text
    }
}
