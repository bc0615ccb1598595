// Intent classification without a neural model: nearest centroid. Each intent is the normalised
// mean of its examples' TF-IDF n-gram vectors (the model's own `SparseFeaturizer`, fitted on the
// examples); a message scores the cosine with each centroid, and a softmax at a fixed
// temperature turns scores into probabilities. No language model.
import FileFormats
import Foundation
import LanguageModeling
import Primitives

/// Nearest-centroid intent classifier over an `IntentCatalog`'s examples (the fallback and baseline).
public final class ExampleMatchingUnderstanding: LanguageUnderstanding, Sendable {
    /// Settings; the defaults were chosen on a held-out fifth of the demo domain's examples
    /// (76 % top-1 accuracy overall; 77 % answered, 84 % of those right).
    public struct Settings: Sendable, Hashable, Codable {
        /// Softmax temperature over per-intent cosine scores (smaller = sharper).
        public var temperature = 0.03
        /// Below this top probability the message is out of scope.
        public var confidenceThreshold = 0.4
        /// Below this best cosine similarity the message is out of scope whatever the probability
        /// (above the 90th percentile of unrelated small talk on the demo domain).
        public var minimumSimilarity = 0.13

        /// The defaults.
        public init() {}
    }

    /// Hash buckets of the featurizer (2^18): collisions are rare at a few thousand examples.
    static let bucketCount = 1 << 18

    /// The thresholds in use.
    public let settings: Settings
    /// `examples-` and 8 hex digits of a hash of every example and intent name.
    public let modelVersion: String
    /// The intent names, sorted.
    public let intentNames: [String]

    /// TF-IDF with the IDF of the catalog's examples.
    private let featurizer: SparseFeaturizer
    /// Feature → (intent, weight) postings of the L2-normalised centroids.
    private let postings: [Int32: [(intent: Int, weight: Double)]]

    /// Indexes every example of `catalog`.
    public init(catalog: IntentCatalog, settings: Settings = Settings()) {
        self.settings = settings
        intentNames = catalog.intents.map(\.name)
        var exampleIntent: [Int] = []
        var texts: [String] = []
        var hash = FNV1a()
        for (intentIndex, intent) in catalog.intents.enumerated() {
            for example in intent.examples {
                exampleIntent.append(intentIndex)
                texts.append(example.text)
                hash.combine(bytes: (intent.name + "\u{1}" + example.text + "\u{2}").utf8)
            }
        }
        var featurizer = SparseFeaturizer(bucketCount: Self.bucketCount)
        featurizer.fit(texts)
        var centroids = [[Int32: Double]](repeating: [:], count: catalog.intents.count)
        for (example, text) in texts.enumerated() {
            for (feature, weight) in Self.unitVector(featurizer.features(text)) {
                centroids[exampleIntent[example]][feature, default: 0] += weight
            }
        }
        var postings: [Int32: [(intent: Int, weight: Double)]] = [:]
        for (intent, centroid) in centroids.enumerated() {
            let norm = centroid.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else { continue }
            for (feature, weight) in centroid { postings[feature, default: []].append((intent, weight / norm)) }
        }
        self.featurizer = featurizer
        self.postings = postings
        modelVersion = "examples-" + String(format: "%08x", UInt32(truncatingIfNeeded: hash.value ^ (hash.value >> 32)))
    }

    /// Cosine similarity of `text` with each intent's centroid, in `intentNames` order.
    public func similarities(_ text: String) -> [Double] {
        var scores = [Double](repeating: 0, count: intentNames.count)
        for (feature, weight) in Self.unitVector(featurizer.features(text)) {
            guard let list = postings[feature] else { continue }
            for posting in list { scores[posting.intent] += weight * posting.weight }
        }
        return scores
    }

    /// The best intents by softmax of the similarities; out of scope below either threshold.
    /// Context is not used: the matcher reads the current message alone.
    public func analyse(_ text: String, context: [ConversationTurn]) throws -> Understanding {
        let scores = similarities(text)
        guard let top = scores.max(), !intentNames.isEmpty else {
            return Understanding(intent: "", confidence: 0, ranked: [], isOutOfScope: true)
        }
        let exponentials = scores.map { exp(($0 - top) / settings.temperature) }
        let sum = exponentials.reduce(0, +)
        let ranked = exponentials.indices.sorted { (exponentials[$0], intentNames[$1]) > (exponentials[$1], intentNames[$0]) }
            .prefix(3).map { IntentGuess(intent: intentNames[$0], confidence: exponentials[$0] / sum) }
        let best = ranked[0]
        let outOfScope = best.confidence < settings.confidenceThreshold || top < settings.minimumSimilarity
        return Understanding(intent: best.intent, confidence: best.confidence, ranked: ranked, isOutOfScope: outOfScope)
    }

    /// Always nil: the matcher has no language model, so the engine uses template replies.
    public func generateReply(intent: String, text: String, context: [ConversationTurn]) throws -> String? { nil }

    /// The featurizer's vector scaled to unit length (its character and word blocks are each
    /// unit-length, so their sum is not), as (bucket, weight) pairs; empty for an empty vector.
    private static func unitVector(_ vector: SparseVector) -> [(Int32, Double)] {
        let norm = vector.values.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
        guard norm > 0 else { return [] }
        return zip(vector.indices, vector.values).map { ($0, Double($1) / norm) }
    }
}
