// A labelled training or evaluation message, whatever file it came from (intents folder, CSV,
// JSON Lines), with the agent's reply when the file gives one, and its source location for error
// messages and evaluation reports.

/// A text with its label (an intent name, or a sentiment class), an optional reply, and where it was read.
public struct LabelledExample: Hashable, Sendable {
    /// The message text.
    public var text: String
    /// The label: intent name (`oos` for out-of-scope) or sentiment class.
    public var label: String
    /// Where it was read.
    public var location: SourceLocation
    /// The agent's reply to the text (a `reply` column or key), placeholders written `{slot}`; nil when the file has none.
    public var reply: String?

    /// Creates a labelled example.
    public init(text: String, label: String, location: SourceLocation, reply: String? = nil) {
        self.text = text
        self.label = label
        self.location = location
        self.reply = reply
    }
}

extension IntentCatalog {
    /// Every example of every intent as a labelled example (label = intent name), in file order.
    public var labelledExamples: [LabelledExample] {
        intents.flatMap { intent in
            intent.examples.map { LabelledExample(text: $0.text, label: intent.name, location: $0.location) }
        }
    }
}

extension Transcript {
    /// Customer turns as intent-labelled examples; a `corrected_intent` on the agent turn that
    /// follows overrides the turn's own label. Locations are the conversation's line.
    public var labelledCustomerTurns: [LabelledExample] {
        turns.indices.compactMap { index in
            let turn = turns[index]
            guard turn.role == .customer, var label = turn.intent else { return nil }
            if index + 1 < turns.count, turns[index + 1].role == .agent {
                for case .correctedIntent(let name) in turns[index + 1].feedback { label = name }
            }
            return LabelledExample(text: turn.text, label: label, location: location)
        }
    }
}
