// One training run, shared by `chatbot train`, the first `chatbot chat` (and later finetune and
// serve): read the sources, split, train reporting progress, fit the sentiment combiner on the
// validation split, save the checkpoint, register it when it goes to models/.
import Dialogue
import FileFormats
import Foundation
import LanguageModeling

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
    }

    /// Where the examples come from.
    public var sources: TrainingSources
    /// Model and training settings.
    public var config: ChatModelConfig
    /// The checkpoint folder, or nil for a new version in `registry` (which then becomes active).
    public var output: URL?
    /// The registry used when `output` is nil.
    public var registry = ModelRegistry()

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
        progress.finish()
        // A combiner that cannot be fitted costs only the combination: the model is kept and averaged.
        let combiner = ModelSentiment.hasHead(trained.model)
            ? try? ModelSentiment.fitCombiner(model: trained.model, validation: split.validation) : nil
        let directory = output ?? registry.newVersionDirectory(architecture: config.architecture.rawValue)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try trained.model.save(to: directory)
            try ModelSentiment.save(combiner, in: directory)
            if output == nil { try registry.register(newVersionAt: directory) }
        } catch {
            throw .saveFailed(directory: directory, reason: "\(error)")
        }
        return Outcome(model: trained.model, report: trained.report, directory: directory,
                       exampleCount: data.examples.count, intentCount: data.intentNames.count, counts: data.counts,
                       sentimentCombinerFitted: combiner != nil)
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
