// One training run for the CLI, shared by `chatbot train` and the first `chatbot chat`: read the
// sources, split, train with a progress bar, fit the sentiment combiner on the validation split,
// save the checkpoint, register it when it goes to models/.
import Chatbot
import ChatModel
import Foundation
import Sentiment

/// Trains and saves a model from the team's files.
struct ModelTraining {
    /// What a finished run produced.
    struct Outcome {
        /// The trained model.
        var model: ChatModel
        /// The trainer's report.
        var report: TrainingReport
        /// The checkpoint folder.
        var directory: URL
        /// The examples trained on (training and validation).
        var exampleCount: Int
        /// Distinct intents.
        var intentCount: Int
        /// Examples per source.
        var counts: [(source: String, examples: Int)]
        /// Whether a sentiment combiner was fitted and saved beside the weights.
        var sentimentCombinerFitted: Bool
    }

    /// Where the examples come from.
    var sources: TrainingSources
    /// Model and training settings.
    var config: ChatModelConfig
    /// The checkpoint folder, or nil for a new version in `registry` (which then becomes active).
    var output: String?
    /// The registry used when `output` is nil.
    var registry = ModelRegistry()

    /// Reads, trains, saves; throws `CommandFailure` with file:line problems for bad data.
    func run(progress: TrainingProgressBar) throws -> Outcome {
        let data: TrainingData
        do {
            data = try TrainingData.load(sources)
        } catch let error as ChatbotError {
            throw CommandFailure("cannot read the training data:\n\(error.description)")
        }
        guard !data.intentNames.isEmpty || data.examples.contains(where: { $0.sentiment != nil }) else {
            throw CommandFailure("the training data has no intent or sentiment labels (give --intents, --data or --sentiment-data)")
        }
        let split = DatasetSplit(data.examples, validationFraction: config.validationFraction, seed: config.seed)
        let trained: (model: ChatModel, report: TrainingReport)
        do {
            trained = try ChatModelTrainer(config: config).train(training: split.training, validation: split.validation,
                                                                 progress: progress.update)
        } catch {
            progress.finish()
            throw CommandFailure("training failed: \(error)")
        }
        progress.finish()
        // A combiner that cannot be fitted costs only the combination: the model is kept and averaged.
        let combiner = ModelSentiment.hasHead(trained.model)
            ? try? ModelSentiment.fitCombiner(model: trained.model, validation: split.validation) : nil
        let directory = output.map { URL(fileURLWithPath: $0) }
            ?? registry.newVersionDirectory(architecture: config.architecture.rawValue)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try trained.model.save(to: directory)
            try ModelSentiment.save(combiner, in: directory)
            if output == nil { try registry.register(newVersionAt: directory) }
        } catch {
            throw CommandFailure("cannot save the model to \(directory.path): \(error)")
        }
        return Outcome(model: trained.model, report: trained.report, directory: directory,
                       exampleCount: data.examples.count, intentCount: data.intentNames.count, counts: data.counts,
                       sentimentCombinerFitted: combiner != nil)
    }

    /// The demo domain's sentiment-labelled messages, used by default when present.
    static let demoSentimentData = "sentiment/customer-messages.csv"

    /// The sources `chatbot train` and `chatbot chat` use by default: `intents` plus
    /// `conversations/` and `sentiment/customer-messages.csv` if present.
    static func demoSources(intents: String = "intents") -> TrainingSources {
        var isFolder: ObjCBool = false
        let hasTranscripts = FileManager.default.fileExists(atPath: "conversations", isDirectory: &isFolder) && isFolder.boolValue
        let hasSentiment = FileManager.default.fileExists(atPath: demoSentimentData)
        return TrainingSources(intents: intents, transcripts: hasTranscripts ? "conversations" : nil,
                               sentimentData: hasSentiment ? demoSentimentData : nil)
    }

    /// The sentiment row of the summary: whether the head trained, its validation accuracy, and the combiner.
    private static func sentimentSummary(_ outcome: Outcome) -> String {
        guard ModelSentiment.hasHead(outcome.model) else { return "no sentiment labels: the lexicon alone reads mood" }
        let accuracy = outcome.report.validationSentimentAccuracy
            .map { String(format: "head %.1f %% on validation (kept weights); ", $0 * 100) } ?? ""
        return accuracy + (outcome.sentimentCombinerFitted
            ? "combined with the lexicon by a combiner fitted on validation (\(ModelSentiment.combinerFileName))"
            : "averaged with the lexicon (no combiner: it needs \(ModelSentiment.minimumCombinerExamples) labelled validation messages of two classes)")
    }

    /// The summary table printed after training.
    static func summary(_ outcome: Outcome, registered: String?) -> String {
        let report = outcome.report
        var rows: [(String, String)] = [
            ("examples", "\(outcome.exampleCount) (\(report.trainingExampleCount) training, \(report.validationExampleCount) validation)"),
            ("intents", "\(outcome.intentCount)"),
            ("parameters", "\(report.parameterCount)"),
            ("vocabulary", "\(report.vocabularySize)"),
            ("epochs run", "\(report.epochsRun) (best \(report.bestEpoch))"),
            (outcome.intentCount == 0 ? "best epoch's validation accuracy (sentiment)" : "best epoch's validation accuracy",
             report.validationAccuracies.max().map { String(format: "%.1f %%", $0 * 100) } ?? "n/a"),
            ("sentiment", sentimentSummary(outcome)),
            ("wall time", String(format: "%.1f s", report.wallSeconds)),
            ("output", outcome.directory.path),
        ]
        if let registered { rows.append(("active version", registered)) }
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n")
    }
}
