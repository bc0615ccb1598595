// The sentiment side of a trained model folder: whether its head was trained, and the logistic
// combiner fitted at training time on the validation split, saved beside the weights as
// sentiment-combiner.json (or its absence, which means the lexicon and head are averaged).
import FileFormats
import Foundation
import LanguageModeling
import Primitives
import Sentiment

/// Finds, fits, saves and loads how a model's sentiment head is combined with the lexicon.
public enum ModelSentiment {
    /// The combiner's file inside a checkpoint folder.
    public static let combinerFileName = "sentiment-combiner.json"
    /// Fewest sentiment-labelled validation messages a combiner is fitted on; with fewer the
    /// two sources are averaged instead (six numbers fitted on a handful of rows would overfit).
    public static let minimumCombinerExamples = 30

    /// Whether `model` was trained on sentiment labels (an untrained head reads noise).
    public static func hasHead(_ model: ChatModel) -> Bool {
        (model.metrics["sentiment_examples"] ?? 0) > 0
    }

    /// A combiner fitted on the sentiment-labelled messages of `validation` (read with their
    /// context, as the chat reads them), by `lexicon` and by `model`'s head; nil when there are
    /// fewer than `minimumCombinerExamples` or one class only.
    public static func fitCombiner(model: ChatModel, validation: [TrainingExample],
                                   lexicon: LexiconSentimentAnalyser = LexiconSentimentAnalyser()) throws -> LogisticCombiner? {
        try fitCombiner(validation: validation, lexicon: lexicon) { labelled in
            try model.predict(labelled.map(\.text), contexts: labelled.map(\.context), topK: 1).map(\.sentimentProbabilities)
        }
    }

    /// A combiner fitted on the sentiment-labelled messages of `validation` with the head
    /// probabilities `headProbabilities` gives for them (any head: the chat model's, the
    /// encoder's); nil when there are fewer than `minimumCombinerExamples` or one class only.
    public static func fitCombiner(validation: [TrainingExample], lexicon: LexiconSentimentAnalyser = LexiconSentimentAnalyser(),
                                   headProbabilities: ([TrainingExample]) throws -> [[Float]]) throws -> LogisticCombiner? {
        let labelled = validation.filter { $0.sentiment != nil }
        guard labelled.count >= minimumCombinerExamples, Set(labelled.compactMap(\.sentiment)).count > 1 else { return nil }
        let probabilities = try headProbabilities(labelled)
        let features = zip(labelled, probabilities).map { example, head in
            SentimentCombination.features(lexicon: lexicon.analyse(example.text), headProbabilities: head.map(Double.init))
        }
        let labels = labelled.compactMap(\.sentiment)
        return try LogisticCombiner(features: features, labels: labels)
    }

    /// Writes `combiner` into the checkpoint folder `directory`, or, for nil, removes any combiner
    /// a previous model left there (it would not fit the new head).
    public static func save(_ combiner: LogisticCombiner?, in directory: URL) throws {
        let url = directory.appendingPathComponent(combinerFileName)
        if let combiner {
            try AtomicFile.write(combiner.encoded(), to: url)
        } else if FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.removeItem(at: url)
        }
    }

    /// The combination for the checkpoint in `directory`: its fitted combiner, or the average
    /// when it has none. Throws when the file exists but is not a combiner for this kind of head.
    public static func combination(in directory: URL) throws(FileFormatError) -> SentimentCombination {
        let url = directory.appendingPathComponent(combinerFileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return .average() }
        let combiner: LogisticCombiner
        do {
            combiner = try LogisticCombiner(json: Data(contentsOf: url))
        } catch {
            throw FileFormatError(.invalidData, file: url.path, message: "not a sentiment combiner: \(error)")
        }
        guard combiner.featureCount == SentimentCombination.featureCount else {
            throw FileFormatError(.invalidData, file: url.path, message: "the combiner takes \(combiner.featureCount) features, "
                               + "expected \(SentimentCombination.featureCount)")
        }
        return .fitted(combiner)
    }
}
