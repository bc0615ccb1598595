// One intent as read from `intents/NAME.yaml`: what the customer wants, how they say it and what
// the bot answers, every example and response with its file and line.

/// An intent the bot understands, as described by one YAML file (docs/FORMATS.md "Intents").
public struct IntentDefinition: Hashable, Sendable {
    /// Intent name, equal to the file name without `.yaml`.
    public var name: String
    /// When a message belongs to this intent, for the people who label data.
    public var description: String
    /// Customer messages of this intent, in file order.
    public var examples: [LocatedText]
    /// Alternative bot replies, possibly with `{slot}` placeholders.
    public var responses: [LocatedText]
    /// Each slot the responses use, mapped to the question asked when it is missing.
    public var slotQuestions: [EntityKind: String]
    /// Whether the bot hands the conversation to a human after replying.
    public var handoff: Bool
    /// The intent to answer instead when a message of this one reads negative ("thanks for
    /// nothing" is a complaint, not thanks), or nil.
    public var whenNegative: String?
    /// The file the intent was read from.
    public var file: String

    /// Creates an intent definition.
    public init(
        name: String, description: String, examples: [LocatedText], responses: [LocatedText],
        slotQuestions: [EntityKind: String] = [:], handoff: Bool = false, whenNegative: String? = nil, file: String
    ) {
        self.name = name
        self.description = description
        self.examples = examples
        self.responses = responses
        self.slotQuestions = slotQuestions
        self.handoff = handoff
        self.whenNegative = whenNegative
        self.file = file
    }

    /// The slots, in the fixed order of `EntityKind.allCases`.
    public var slots: [EntityKind] { EntityKind.allCases.filter { slotQuestions[$0] != nil } }
}
