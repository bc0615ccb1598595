// A stratified, seeded train/validation split: each intent gives the same share of its
// examples to validation (at least one when it has enough), so rare intents are still checked;
// intents with fewer examples than a minimum keep them all for training.
// Sentiment-only examples (a sentiment, no intent, no reply) are stratified by sentiment the
// same way; other unlabelled examples (transcript turns without an intent) always train.
import Primitives
import TensorCore

/// Training and validation examples drawn from one list.
public struct DatasetSplit: Sendable {
    /// Examples to learn from.
    public var training: [TrainingExample]
    /// Held-out examples for early stopping and calibration.
    public var validation: [TrainingExample]
    /// The group key prefix of sentiment-only examples (sorts before every intent name).
    private static let sentimentGroupPrefix = "\u{0}sentiment:"

    /// Splits `examples`, putting `fraction` of each intent's (and each sentiment's, among the
    /// sentiment-only examples) examples into validation.
    ///
    /// Intents with fewer than `minimumGroupSize` (at least 3) examples, and sentiments with
    /// fewer than 3, keep them all for training: one or two held-out messages per intent make early stopping and calibration
    /// noise while costing a tenth of the data (issue 16). Examples with no intent that are not
    /// sentiment-only always train. Groups are shuffled by `seed`, so the same seed gives the same split.
    public init(_ examples: [TrainingExample], validationFraction fraction: Double, seed: UInt64,
                minimumGroupSize: Int = 3) {
        var generator = SeededGenerator(seed: seed ^ 0x5EED_5B1D)
        var groups: [String: [Int]] = [:]
        var training: [TrainingExample] = []
        for (index, example) in examples.enumerated() {
            if let intent = example.intent {
                groups[intent, default: []].append(index)
            } else if let sentiment = example.sentiment, example.reply == nil {
                groups[Self.sentimentGroupPrefix + sentiment.rawValue, default: []].append(index)
            } else {
                training.append(example)
            }
        }
        var validation: [TrainingExample] = []
        for group in groups.keys.sorted() {
            var members = groups[group] ?? []
            members.shuffle(using: &generator)
            var take = Int((Double(members.count) * fraction).rounded())
            if fraction > 0, members.count >= 3 { take = max(1, take) }
            take = min(take, members.count - 1)
            let minimum = group.hasPrefix(Self.sentimentGroupPrefix) ? 3 : max(3, minimumGroupSize)
            if members.count < minimum { take = 0 }
            let held = Set(members.prefix(take))
            for index in members.sorted() {
                if held.contains(index) { validation.append(examples[index]) } else { training.append(examples[index]) }
            }
        }
        self.training = training
        self.validation = validation
    }
}
