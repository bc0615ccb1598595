// One training run, shared by `chatbot train`, the first `chatbot chat` (and later serve): read
// the sources, split, train reporting progress, fit the sentiment combiner on the validation
// split, save the checkpoint and what it was trained on, register it when it goes to models/.
// `FineTuning` shares its save and register steps.
import Dialogue
import FileFormats
import Foundation
import LanguageModeling
import PretrainedEncoder
import Primitives
import Sentiment

/// Trains and saves a model from the team's files.
public struct TrainingPipeline: Sendable {
    /// What a finished run produced.
    public struct Outcome {
        /// The trained model.
        public var model: ChatModel
        /// The trainer's report.
        public var report: TrainingReport
        /// The checkpoint folder.
        public var directory: URL
        /// The examples trained on (training and validation).
        public var exampleCount: Int
        /// Distinct intents.
        public var intentCount: Int
        /// Examples per source.
        public var counts: [(source: String, examples: Int)]
        /// Whether a sentiment combiner was fitted and saved beside the weights.
        public var sentimentCombinerFitted: Bool
        /// The encoder's heads, when trained with an encoder.
        public var encoderClassifier: EncoderClassifier?
    }

    /// Where the examples come from.
    public var sources: TrainingSources
    /// Model and training settings.
    public var config: ChatModelConfig
    /// The checkpoint folder, or nil for a new version in `registry` (which then becomes active).
    public var output: URL?
    /// The registry used when `output` is nil.
    public var registry = ModelRegistry()
    /// A pretrained sentence encoder folder (config.json, model.safetensors, tokenizer.json) that
    /// reads intents and sentiment beside the chat model, or nil (the chat model alone).
    public var encoder: URL?

    /// A pipeline training on `sources` with `config`, saving to `output` (nil: a new active version).
    public init(sources: TrainingSources, config: ChatModelConfig, output: URL?, registry: ModelRegistry = ModelRegistry()) {
        self.sources = sources
        self.config = config
        self.output = output
        self.registry = registry
    }

    /// Reads, trains, saves; `progress` hears every step and the end of training.
    public func run(progress: some TrainingProgressReporting) throws(TrainingPipelineError) -> Outcome {
        let data: TrainingData
        do {
            data = try TrainingData.load(sources)
        } catch let error as FileFormatError {
            throw .unreadableData(error)
        } catch {
            throw .unreadableData(FileFormatError(.io, file: nil, message: "\(error)"))
        }
        guard !data.intentNames.isEmpty || data.examples.contains(where: { $0.sentiment != nil }) else {
            throw .noLabels
        }
        let sentenceEncoder: SentenceEncoder?
        do {
            sentenceEncoder = try encoder.map { url throws(PretrainedEncoderError) in try SentenceEncoder.load(from: url) }
        } catch {
            throw .trainingFailed("cannot load the encoder: \(error)")
        }
        let split = DatasetSplit(data.examples, validationFraction: config.validationFraction, seed: config.seed,
                                 minimumGroupSize: config.validationMinimumPerIntent)
        let trained: (model: ChatModel, report: TrainingReport)
        do {
            trained = try ChatModelTrainer(config: config).train(training: split.training, validation: split.validation,
                                                                 progress: progress.update)
        } catch {
            progress.finish()
            throw .trainingFailed("\(error)")
        }
        var classifier: EncoderClassifier?
        if let sentenceEncoder {
            do {
                classifier = try EncoderClassifierTrainer(config: config).train(
                    encoder: sentenceEncoder, training: split.training, validation: split.validation)
            } catch {
                progress.finish()
                throw .trainingFailed("the encoder heads: \(error)")
            }
        }
        progress.finish()
        // Saved in a staging folder first and published with one rename (`AtomicFile.publishFolder`),
        // so a kill at any moment leaves the old folder or the whole new one.
        let directory = output.map(AtomicFile.stagingFolder(for:)) ?? registry.newVersionDirectory(architecture: config.architecture.rawValue)
        let finalDirectory = output ?? registry.root.appendingPathComponent(directory.lastPathComponent)
        let record = TrainingRecord(
            sources: sources.described, dataHash: trained.model.trainingDataHash, splitSeed: config.seed,
            validationFraction: config.validationFraction, intents: trained.model.labels.intents,
            trainingExamples: split.training.count, validationExamples: split.validation.count)
        let combinerFitted: Bool
        do {
            if let output { try Self.checkReplaceable(output) }
            try? FileManager.default.removeItem(at: directory)  // what a killed run left
            combinerFitted = try Self.save(trained.model, record: record, training: split.training,
                                           validation: split.validation, in: directory, encoderClassifier: classifier)
            if let output {
                try AtomicFile.publishFolder(directory, to: output)
            } else {
                try registry.register(newVersionAt: directory, dataHash: record.dataHash,
                                      metricsJSON: Self.metricsJSON(trained.model.metrics))
            }
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw .saveFailed(directory: finalDirectory, reason: "\(error)")
        }
        return Outcome(model: trained.model, report: trained.report, directory: finalDirectory,
                       exampleCount: data.examples.count, intentCount: data.intentNames.count, counts: data.counts,
                       sentimentCombinerFitted: combinerFitted, encoderClassifier: classifier)
    }

    /// Saves `model`, its sentiment combiner (fitted on `validation` with the encoder's sentiment
    /// head when `encoderClassifier` has one, else with the model's), the encoder heads (or removes
    /// those a previous model left) and its training record into `directory`; returns whether a
    /// combiner was fitted.
    static func save(_ model: ChatModel, record: TrainingRecord, training: [TrainingExample],
                     validation: [TrainingExample], in directory: URL,
                     encoderClassifier: EncoderClassifier? = nil) throws -> Bool {
        // A combiner that cannot be fitted costs only the combination: the model is kept and averaged.
        let combiner: LogisticCombiner?
        if let encoderClassifier, encoderClassifier.hasSentiment {
            combiner = try? ModelSentiment.fitCombiner(validation: validation) { labelled in
                try encoderClassifier.predict(labelled.map(\.text), topK: 1).map(\.sentimentProbabilities)
            }
        } else {
            combiner = ModelSentiment.hasHead(model) ? try? ModelSentiment.fitCombiner(model: model, validation: validation) : nil
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try model.save(to: directory)
        try ModelSentiment.save(combiner, in: directory)
        try saveEncoder(encoderClassifier, in: directory)
        try record.save(in: directory, training: training, validation: validation)
        return combiner != nil
    }

    /// Refuses an existing `output` that is neither empty nor a model folder: publishing replaces
    /// the folder as a whole, which must never take other files with it.
    static func checkReplaceable(_ output: URL) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output.path, isDirectory: &isFolder) else { return }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        guard isFolder.boolValue, contents.isEmpty || ModelRegistry.holdsCheckpoint(output) else {
            throw FileFormatError(.invalidData, file: output.path,
                                  message: "exists and is not a model folder; choose a new or empty folder (it would be replaced)")
        }
    }

    /// Writes the encoder heads into `directory`, or, for nil, removes those a previous model left there.
    private static func saveEncoder(_ classifier: EncoderClassifier?, in directory: URL) throws {
        if let classifier {
            try classifier.save(to: directory)
            return
        }
        for name in [EncoderClassifier.manifestFileName, EncoderClassifier.weightsFileName, EncoderClassifier.encoderFolderName] {
            let url = directory.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        }
    }

    /// `metrics` as a JSON object with sorted keys (the model_versions row's metrics).
    static func metricsJSON(_ metrics: [String: Double]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let finite = metrics.filter { $0.value.isFinite }
        return (try? encoder.encode(finite)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }

    /// The demo domain's sentiment-labelled messages, used by default when present.
    public static let demoSentimentData = "sentiment/customer-messages.csv"

    /// The sources `chatbot train` and `chatbot chat` use by default: `intents` plus
    /// `conversations/` and `sentiment/customer-messages.csv` if present.
    public static func demoSources(intents: String = "intents") -> TrainingSources {
        var isFolder: ObjCBool = false
        let hasTranscripts = FileManager.default.fileExists(atPath: "conversations", isDirectory: &isFolder) && isFolder.boolValue
        let hasSentiment = FileManager.default.fileExists(atPath: demoSentimentData)
        return TrainingSources(intents: intents, transcripts: hasTranscripts ? "conversations" : nil,
                               sentimentData: hasSentiment ? demoSentimentData : nil)
    }
}
