// Where an answered ticket goes, and why: sent as it is, reviewed by a person first, or
// handed to a person who writes the answer.

/// Where an answered ticket goes.
public enum TicketRoute: String, Sendable, CaseIterable, Comparable {
    /// The reply can be sent as it is.
    case send
    /// A person should read the reply before it is sent.
    case review
    /// A person must answer the ticket.
    case human

    public static func < (lhs: TicketRoute, rhs: TicketRoute) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// Why a ticket is not simply sent.
public enum TicketRouteReason: String, Sendable, CaseIterable {
    /// The intent was read with less confidence than the send threshold (→ review).
    case lowConfidence = "low_confidence"
    /// No known intent was read with confidence (→ human).
    case outOfScope = "out_of_scope"
    /// The customer is unhappy (→ review; very negative → human).
    case negativeSentiment = "negative_sentiment"
    /// An intent that needs a person, such as a complaint or "a human, please" (→ human).
    case handoffIntent = "handoff_intent"
    /// The reply needs a detail the ticket lacks and asks for it (→ review).
    case missingSlot = "missing_slot"
    /// The model read an intent the intents folder has no replies for (→ human).
    case noTemplate = "no_template"
}
