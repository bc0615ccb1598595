// Multinomial logistic regression from a few features (the lexicon's score and masses, the
// learned head's probabilities) to a label, fitted by full-batch gradient descent.
//
// Shapes: N samples, D features, K = 3 classes. weights [K][D], bias [K].
import Foundation
import Primitives

/// Combines sentiment sources into one label with a small logistic regression.
public struct LogisticCombiner: Codable, Sendable, Equatable {
    /// The format name written to files.
    public static let formatName = "chatbot-sentiment-combiner"
    /// The format version written to files.
    public static let formatVersion = 1

    /// Fitting settings with their defaults.
    public struct Training: Codable, Sendable, Equatable {
        /// Gradient-descent steps over the whole set.
        public var steps = 500
        /// Step size (features are standardised, so 0.5 is safe).
        public var learningRate = 0.5
        /// L2 penalty on the weights (not the bias).
        public var l2 = 1e-3
        /// The defaults.
        public init() {}
    }

    private var format = Self.formatName
    private var version = Self.formatVersion
    /// Per-feature mean and standard deviation used to standardise inputs, [D] each.
    public private(set) var means: [Double]
    /// See `means`.
    public private(set) var deviations: [Double]
    /// Weights [K][D] in `SentimentLabel.allCases` order.
    public private(set) var weights: [[Double]]
    /// Biases [K].
    public private(set) var bias: [Double]

    /// The number of features D.
    public var featureCount: Int { means.count }

    /// Fits on `features` [N][D] with `labels` [N]. Throws on empty, ragged or non-finite input.
    public init(features: [[Double]], labels: [SentimentLabel], training: Training = Training()) throws {
        guard let first = features.first, !first.isEmpty, features.count == labels.count else {
            throw SentimentError.badTrainingData("need as many labels as feature rows, and at least one feature")
        }
        let width = first.count
        guard features.allSatisfy({ $0.count == width && $0.allSatisfy(\.isFinite) }) else {
            throw SentimentError.badTrainingData("rows must all have \(width) finite features")
        }
        let count = Double(features.count)
        means = (0..<width).map { column in features.reduce(0) { $0 + $1[column] } / count }
        deviations = (0..<width).map { column in
            let mean = features.reduce(0) { $0 + $1[column] } / count
            let variance = features.reduce(0) { $0 + ($1[column] - mean) * ($1[column] - mean) } / count
            return max(variance.squareRoot(), 1e-6)
        }
        let classes = SentimentLabel.allCases.count
        weights = Array(repeating: Array(repeating: 0, count: width), count: classes)
        bias = Array(repeating: 0, count: classes)
        let standardised = features.map(standardise)
        for _ in 0..<max(0, training.steps) {
            step(standardised, labels: labels, training: training)
        }
    }

    /// Reads a combiner saved with `encoded()`.
    public init(json: Data) throws {
        let decoded: LogisticCombiner
        do {
            decoded = try JSONDecoder().decode(LogisticCombiner.self, from: json)
        } catch {
            throw SentimentError.badCombinerFile("not a combiner JSON document: \(DecodingError.summary(of: error))")
        }
        guard decoded.format == Self.formatName, decoded.version == Self.formatVersion else {
            throw SentimentError.badCombinerFile("expected \(Self.formatName) version \(Self.formatVersion)")
        }
        let width = decoded.means.count
        guard decoded.deviations.count == width, decoded.bias.count == SentimentLabel.allCases.count,
              decoded.weights.count == decoded.bias.count, decoded.weights.allSatisfy({ $0.count == width }) else {
            throw SentimentError.badCombinerFile("shapes do not agree")
        }
        self = decoded
    }

    /// The combiner as JSON.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }

    /// Class probabilities [K] for one feature row [D]; a row of the wrong width gives uniform odds.
    public func probabilities(_ features: [Double]) -> [Double] {
        guard features.count == featureCount else {
            return Array(repeating: 1 / Double(bias.count), count: bias.count)
        }
        return softmax(logits(standardise(features)))
    }

    /// The most probable label for one feature row [D].
    public func predict(_ features: [Double]) -> SentimentLabel {
        let probabilities = probabilities(features)
        let best = probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 1
        return SentimentLabel(index: best) ?? .neutral
    }

    private func standardise(_ row: [Double]) -> [Double] {
        zip(row, zip(means, deviations)).map { ($0 - $1.0) / $1.1 }
    }

    private func logits(_ row: [Double]) -> [Double] {
        zip(weights, bias).map { classWeights, classBias in
            zip(classWeights, row).reduce(classBias) { $0 + $1.0 * $1.1 }
        }
    }

    private func softmax(_ logits: [Double]) -> [Double] {
        let top = logits.max() ?? 0
        let exps = logits.map { exp($0 - top) }
        let total = exps.reduce(0, +)
        return exps.map { $0 / total }
    }

    /// One gradient step of mean cross-entropy + L2: dL/dlogit = p - onehot.
    private mutating func step(_ rows: [[Double]], labels: [SentimentLabel], training: Training) {
        var weightGradient = weights.map { $0.map { _ in 0.0 } }
        var biasGradient = bias.map { _ in 0.0 }
        for (row, label) in zip(rows, labels) {
            let probabilities = softmax(logits(row))
            for k in probabilities.indices {
                let delta = probabilities[k] - (k == label.index ? 1 : 0)
                biasGradient[k] += delta
                for d in row.indices { weightGradient[k][d] += delta * row[d] }
            }
        }
        let scale = 1 / Double(rows.count)
        for k in weights.indices {
            bias[k] -= training.learningRate * biasGradient[k] * scale
            for d in weights[k].indices {
                let gradient = weightGradient[k][d] * scale + training.l2 * weights[k][d]
                weights[k][d] -= training.learningRate * gradient
            }
        }
    }
}
