// A proposed new intent: a cluster of customer turns the model did not know, with a suggested
// name from its most telling words, its examples (most typical first) and the agents' replies
// to them as candidate templates, for a person to review and rename.

/// One proposed intent.
public struct DraftIntent: Hashable, Sendable {
    /// The suggested name: the cluster's top words joined by `_` (`a-z`, `0-9`, `_`), unique.
    public var name: String
    /// The words that set the cluster apart, most telling first.
    public var topWords: [String]
    /// Distinct customer texts of the cluster (personal data redacted), most typical first.
    public var examples: [String]
    /// The agents' replies to them (redacted), most frequent first, at most three.
    public var replies: [String]
    /// How many customer turns the cluster holds (duplicates included).
    public var turnCount: Int
    /// The conversations the turns come from (transcript ids), each once.
    public var conversations: [String]

    /// Creates a draft.
    public init(name: String, topWords: [String], examples: [String], replies: [String], turnCount: Int, conversations: [String]) {
        self.name = name
        self.topWords = topWords
        self.examples = examples
        self.replies = replies
        self.turnCount = turnCount
        self.conversations = conversations
    }

    /// The intent's description line for its YAML file.
    public var description: String {
        "Draft from \(turnCount) customer turn\(turnCount == 1 ? "" : "s") the model did not know, about: "
            + topWords.joined(separator: ", ") + ". Review, rename and describe it before training."
    }
}
