// The closed sets of labels a model predicts: intents (sorted by name, so the index of an
// intent does not depend on file order) and the three sentiments.
import Primitives

/// The intents and sentiments a model knows, with their head indices.
public struct LabelSet: Codable, Sendable, Equatable {
    /// Intent names in head-output order (sorted).
    public let intents: [String]
    /// Sentiment names in head-output order.
    public let sentiments: [String]
    private let indexByIntent: [String: Int]

    /// The most intents a model is trained on. The sparse expert's fit costs examples × intents
    /// per epoch and its weights buckets × intents, so 10,000 intents took hours and gigabytes
    /// (docs/RELIABILITY.md "Abuse inputs"); real domains have tens to a few hundred.
    public static let maximumIntentCount = 1_000

    /// A label set of `intents` (deduplicated and sorted).
    public init(intents: some Sequence<String>) {
        self.intents = Array(Set(intents)).sorted()
        self.sentiments = SentimentLabel.allCases.map(\.rawValue)
        indexByIntent = Dictionary(uniqueKeysWithValues: self.intents.enumerated().map { ($1, $0) })
    }

    /// The labels found in `examples`.
    public init(examples: [TrainingExample]) {
        self.init(intents: examples.compactMap(\.intent))
    }

    /// The head index of `intent`, or nil if unknown.
    public func index(of intent: String) -> Int? { indexByIntent[intent] }

    private enum CodingKeys: String, CodingKey {
        case intents, sentiments
    }

    /// Decodes the two name lists.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(intents: try container.decode([String].self, forKey: .intents))
    }

    /// Encodes the two name lists.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(intents, forKey: .intents)
        try container.encode(sentiments, forKey: .sentiments)
    }
}
