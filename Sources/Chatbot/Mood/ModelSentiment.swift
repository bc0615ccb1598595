// The sentiment side of a trained model folder: whether its head was trained, the logistic
// combiner fitted at training time on the validation split (saved beside the weights as
// sentiment-combiner.json), and the analyser a command should use for it.
import ChatModel
import Foundation
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

    /// A combiner fitted on the sentiment-labelled messages of `validation`, read by `lexicon` and
    /// by `model`'s head; nil when there are fewer than `minimumCombinerExamples` or one class only.
    public static func fitCombiner(model: ChatModel, validation: [TrainingExample],
                                   lexicon: LexiconSentimentAnalyser = LexiconSentimentAnalyser()) throws -> LogisticCombiner? {
        let labelled = validation.filter { $0.sentiment != nil }
        guard labelled.count >= minimumCombinerExamples, Set(labelled.compactMap(\.sentiment)).count > 1 else { return nil }
        let texts = labelled.map(\.text)
        let head = ModelSentimentAnalyser(model: model).analyse(texts)
        let features = zip(texts, head).map { text, fromHead in
            SentimentCombination.features(lexicon: lexicon.analyse(text), headProbabilities: fromHead.probabilities ?? [])
        }
        let labels = labelled.compactMap { $0.sentiment.flatMap { SentimentLabel(rawValue: $0.rawValue) } }
        return try LogisticCombiner(features: features, labels: labels)
    }

    /// Writes `combiner` into the checkpoint folder `directory`.
    public static func save(_ combiner: LogisticCombiner, in directory: URL) throws {
        try combiner.encoded().write(to: directory.appendingPathComponent(combinerFileName))
    }

    /// The combination for the checkpoint in `directory`: its fitted combiner, or the average
    /// when it has none. Throws when the file exists but cannot be read.
    public static func combination(in directory: URL) throws -> SentimentCombination {
        let url = directory.appendingPathComponent(combinerFileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return .average() }
        do {
            return .fitted(try LogisticCombiner(json: Data(contentsOf: url)))
        } catch {
            throw ChatbotError(.invalidData, file: url.path, message: "not a sentiment combiner: \(error)")
        }
    }
}
