// Trains the heads of an `EncoderClassifier` on frozen sentence vectors: every text is embedded
// once; the intent head learns on the training split, is calibrated on the validation split,
// then learns again on both (few-shot data cannot spare a tenth); the sentiment head learns on
// the training split's sentiment labels (the combiner is fitted on the validation split).
import Foundation
import PretrainedEncoder
import Primitives
import TensorCore

/// Fits encoder heads with the settings of a `ChatModelConfig` (seed, sparse features and
/// buckets, out-of-scope label and pass rate).
public struct EncoderClassifierTrainer {
    /// The settings shared with the chat model.
    public var config: ChatModelConfig
    /// Passes over the data for each head.
    public var epochs = 40
    /// The factor on the sentence vectors (see `EncoderClassifier.vectorScale`).
    public var vectorScale: Float = 3
    /// C of the heads' L2 penalty (see `EncoderHeadTraining.inverseRegularization`).
    public var inverseRegularization: Float = 10

    /// A trainer with `config`'s settings.
    public init(config: ChatModelConfig) {
        self.config = config
    }

    /// Heads for `encoder` trained on `training` and calibrated on `validation`; `progress` hears each stage.
    ///
    /// - Parameter vectors: The sentence vectors of `training + validation` when already computed
    ///   (benchmarks reuse them across samples), else nil.
    public func train(encoder: SentenceEncoder, training: [TrainingExample], validation: [TrainingExample],
                      vectors precomputed: [[Float]]? = nil, progress: (String) -> Void = { _ in }) throws -> EncoderClassifier {
        let all = training + validation
        progress("embedding \(all.count) messages")
        let unscaled = try precomputed ?? encoder.embed(all.map(\.text))
        precondition(unscaled.count == all.count, "\(unscaled.count) vectors for \(all.count) examples")
        let vectors = unscaled.map { $0.map { $0 * vectorScale } }
        let labels = LabelSet(examples: all)
        let buckets = config.sparseFeatures ? config.sparseBuckets : nil
        let trainingRows = Array(training.indices), allRows = Array(all.indices)
        var settings = EncoderHeadTraining()
        settings.epochs = epochs
        settings.seed = config.seed
        settings.inverseRegularization = inverseRegularization

        progress("training the intent head")
        let firstFeaturizer = fittedFeaturizer(all, rows: trainingRows)
        let first = try intentHead(all, rows: trainingRows, vectors: vectors, labels: labels, buckets: buckets,
                                   featurizer: firstFeaturizer, settings: settings)
        let validationRows = Array(training.count..<all.count)
        let probe = EncoderClassifier(encoder: encoder, labels: labels, outOfScopeLabel: config.outOfScopeLabel,
                                      featurizer: firstFeaturizer, intentHead: first, sentimentHead: nil)
        probe.vectorScale = vectorScale
        let validationLogits = probe.logits(vectors: validationRows.map { unscaled[$0] },
                                            features: validationRows.map { probe.features(all[$0].text) }).map(\.intent)
        let calibration = Calibration.fitted(logits: validationLogits, intents: validationRows.map { all[$0].intent },
                                             labels: labels, outOfScopeLabel: config.outOfScopeLabel,
                                             inScopePassRate: config.inScopePassRate)
        let judged = validationRows.indices.filter { labels.index(of: all[validationRows[$0]].intent ?? "") != nil }
        let right = judged.filter { i in
            let row = validationLogits[i]
            return row.indices.max { row[$0] < row[$1] } == labels.index(of: all[validationRows[i]].intent ?? "")
        }

        progress("training the intent head on all \(all.count) messages")
        let featurizer = fittedFeaturizer(all, rows: allRows)
        let head = try intentHead(all, rows: allRows, vectors: vectors, labels: labels, buckets: buckets,
                                  featurizer: featurizer, settings: settings)

        let sentimentRows = trainingRows.filter { all[$0].sentiment != nil }
        var sentimentHead: EncoderHead?
        if !sentimentRows.isEmpty {
            progress("training the sentiment head")
            let sentiment = EncoderHead(inputSize: encoder.dimension, classCount: SentimentLabel.allCases.count,
                                        sparseBuckets: buckets, name: "sentiment.")
            try settings.fit(sentiment, vectors: sentimentRows.map { vectors[$0] },
                             features: sentimentRows.map { featurizer?.features(all[$0].text) ?? SparseVector() },
                             labels: sentimentRows.map { SentimentLabel.allCases.firstIndex(of: all[$0].sentiment ?? .neutral) ?? 1 })
            sentimentHead = sentiment
        }
        let classifier = EncoderClassifier(encoder: encoder, labels: labels, outOfScopeLabel: config.outOfScopeLabel,
                                           featurizer: featurizer, intentHead: head, sentimentHead: sentimentHead)
        classifier.calibration = calibration
        classifier.vectorScale = vectorScale
        classifier.metrics = ["encoder_intent_examples": Double(all.filter { $0.intent != nil }.count),
                              "encoder_sentiment_examples": Double(sentimentRows.count)]
        if !judged.isEmpty { classifier.metrics["encoder_validation_accuracy"] = Double(right.count) / Double(judged.count) }
        return classifier
    }

    /// A featurizer whose IDF is learned from the texts of `rows` (nil without sparse features).
    private func fittedFeaturizer(_ examples: [TrainingExample], rows: [Int]) -> SparseFeaturizer? {
        guard config.sparseFeatures else { return nil }
        var featurizer = SparseFeaturizer(bucketCount: config.sparseBuckets)
        featurizer.fit(rows.map { examples[$0].text })
        return featurizer
    }

    /// An intent head fitted on the intent-labelled examples among `rows`.
    private func intentHead(_ examples: [TrainingExample], rows: [Int], vectors: [[Float]], labels: LabelSet,
                            buckets: Int?, featurizer: SparseFeaturizer?, settings: EncoderHeadTraining) throws -> EncoderHead {
        let labelled = rows.filter { labels.index(of: examples[$0].intent ?? "") != nil }
        let head = EncoderHead(inputSize: vectors.first?.count ?? 1, classCount: max(1, labels.intents.count),
                               sparseBuckets: buckets, name: "intent.")
        try settings.fit(head, vectors: labelled.map { vectors[$0] },
                         features: labelled.map { featurizer?.features(examples[$0].text) ?? SparseVector() },
                         labels: labelled.map { labels.index(of: examples[$0].intent ?? "") ?? 0 })
        return head
    }
}
