// One fine-tuning run, from a trained version to a gated candidate: load the base and what it
// was trained on, read the new conversations (judging each reply by the customer's next turn),
// grow the intent head for new intents, train on the new examples plus a replay sample of the
// base's data, refit calibration and the sentiment combiner, score base and candidate on the
// same held-out data, save (with the review queue), register (active only if the gate passes or
// is overridden).
import ConversationStorage
import Dialogue
import FileFormats
import Foundation
import LanguageModeling
import Primitives
import Sentiment

/// Fine-tunes a trained model version on new conversations.
public struct FineTuning: Sendable {
    /// What a finished run produced.
    public struct Outcome {
        /// The candidate's folder.
        public var directory: URL
        /// Its registered version name (nil with an explicit output folder).
        public var registeredName: String?
        /// The examples drawn from the sources, with their counts.
        public var data: FineTuneData
        /// Examples replayed from the base's training data.
        public var replayed: Int
        /// Intents the base did not know.
        public var newIntents: [String]
        /// The gate's scores and decision.
        public var verdict: RegressionGate.Verdict
        /// Whether the candidate became the active version.
        public var promoted: Bool
        /// The trainer's report.
        public var report: TrainingReport
        /// The review queue's file (`review.jsonl` in the candidate's folder), nil when nothing was judged negative.
        public var reviewFile: URL?
    }

    /// The base model's folder.
    public var base: URL
    /// The base's version name in `registry` (its parent link), nil for a folder outside it.
    public var baseName: String?
    /// Where the new conversations come from.
    public var sources: FineTuneSources
    /// Training and gate settings.
    public var settings: FineTuneSettings
    /// The candidate's folder, or nil for a new version in `registry`.
    public var output: URL?
    /// The registry a new version goes to.
    public var registry: ModelRegistry

    /// A run fine-tuning `base` on `sources`.
    public init(base: URL, baseName: String?, sources: FineTuneSources, settings: FineTuneSettings = FineTuneSettings(),
                output: URL?, registry: ModelRegistry = ModelRegistry()) {
        self.base = base
        self.baseName = baseName
        self.sources = sources
        self.settings = settings
        self.output = output
        self.registry = registry
    }

    /// Runs the fine-tuning; `progress` hears every step.
    public func run(progress: some TrainingProgressReporting) throws(TrainingPipelineError) -> Outcome {
        let baseModel: ChatModel, record: TrainingRecord, old: (training: [TrainingExample], validation: [TrainingExample])
        do {
            baseModel = try ChatModel.load(from: base)
            guard let found = try TrainingRecord.load(from: base) else {
                throw FileFormatError(.invalidData, file: base.appendingPathComponent(TrainingRecord.fileName).path,
                                      message: "missing: the base does not say what it was trained on, so nothing can be replayed (train it again with `chatbot train`)")
            }
            record = found
            old = try TrainingRecord.examples(in: base)
        } catch let error as FileFormatError {
            throw .unreadableData(error)
        } catch {
            throw .unreadableData(FileFormatError(.invalidData, file: base.path, message: "cannot load the base model: \(error)"))
        }
        let data: FineTuneData
        do {
            let judge = ImplicitFeedback(analyser: try Self.sentimentAnalyser(of: baseModel, in: base))
            data = try FineTuneData.make(try sources.exchanges(judge: judge), base: baseModel, settings: settings,
                                         heldOutFraction: settings.heldOutFraction(base: record.validationFraction))
        } catch let error as FileFormatError {
            throw .unreadableData(error)
        } catch {
            throw .unreadableData(FileFormatError(.io, file: nil, message: "\(error)"))
        }
        guard !data.training.isEmpty else {
            throw .nothingToLearn("the sources hold no labelled customer turn and no reply to learn "
                                  + "(\(data.unlabelled) unlabelled turns, \(data.badReplies) replies rated bad)")
        }
        let newIntents = data.intents.subtracting(baseModel.labels.intents).sorted()
        let replay = FineTuneData.replaySample(old.training, count: Int(settings.replayRatio * Double(data.training.count)),
                                               perIntent: settings.replayPerIntent, seed: settings.seed)
        // The gate's old data: the base's validation split, or its training data when it kept none,
        // and the bot's readings customers thanked (weak positives, not trained on).
        let oldHeldOut = (old.validation.contains { $0.intent != nil } ? old.validation : old.training) + data.confirmed
        let calibration = old.validation + data.heldOut
        let candidate: ChatModel, report: TrainingReport, verdict: RegressionGate.Verdict
        do {
            // New head rows point from the mean <cls> state to their intent's: the new examples and as
            // many replayed ones place both well enough, at a fraction of a pass over all the data.
            candidate = try baseModel.growing(intents: newIntents, examples: data.training + replay.prefix(data.training.count))
            let trainer = ChatModelTrainer(config: settings.trainerConfig(base: baseModel.config))
            report = try trainer.fineTune(candidate, training: data.training + replay,
                                          calibration: calibration.isEmpty ? data.training + replay : calibration,
                                          newIntents: Set(newIntents), progress: progress.update)
            progress.finish()
            verdict = try RegressionGate.evaluate(base: baseModel, candidate: candidate, old: oldHeldOut,
                                                  new: data.heldOut, newIntents: Set(newIntents), tolerance: settings.tolerance)
        } catch {
            progress.finish()
            throw .trainingFailed("\(error)")
        }
        let promoted = verdict.passed || settings.force
        // Saved in a staging folder and published with one rename, as `train` does: a kill or a
        // full disk leaves the old folder or the whole new one, never a half-written candidate.
        let directory = output.map(AtomicFile.stagingFolder(for:))
            ?? registry.newVersionDirectory(architecture: baseModel.config.architecture.rawValue)
        let newRecord = TrainingRecord(
            sources: record.sources + sources.described, dataHash: candidate.trainingDataHash, splitSeed: record.splitSeed,
            validationFraction: record.validationFraction, intents: candidate.labels.intents, parent: baseName,
            trainingExamples: old.training.count + data.training.count, validationExamples: old.validation.count + data.heldOut.count)
        var name: String?, reviewFile: URL?
        do {
            if let output { try TrainingPipeline.checkReplaceable(output) }
            try? FileManager.default.removeItem(at: directory)  // what a killed run left
            _ = try TrainingPipeline.save(candidate, record: newRecord, training: old.training + data.training,
                                          validation: old.validation + data.heldOut, in: directory)
            reviewFile = try ImplicitFeedbackJudgement.writeReview(data.review, in: directory)
            if let output {
                try AtomicFile.publishFolder(directory, to: output)
            } else {
                var metrics = candidate.metrics
                metrics["gate_old_base"] = verdict.oldBase.accuracy
                metrics["gate_old_candidate"] = verdict.oldCandidate.accuracy
                metrics["gate_new_base"] = verdict.newBase.accuracy
                metrics["gate_new_candidate"] = verdict.newCandidate.accuracy
                name = try registry.register(newVersionAt: directory, status: promoted ? .active : .rejected, parent: baseName,
                                             dataHash: newRecord.dataHash, metricsJSON: TrainingPipeline.metricsJSON(metrics))
            }
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw .saveFailed(directory: output ?? directory, reason: "\(error)")
        }
        let finalDirectory = output ?? registry.root.appendingPathComponent(name ?? directory.lastPathComponent)
        return Outcome(directory: finalDirectory, registeredName: name, data: data, replayed: replay.count, newIntents: newIntents,
                       verdict: verdict, promoted: promoted && output == nil, report: report,
                       reviewFile: reviewFile.map { finalDirectory.appendingPathComponent($0.lastPathComponent) })
    }

    /// What reads the customers' next turns: the base's sentiment head combined with the lexicon
    /// as a chat with this model does, or the lexicon alone when the base has no sentiment head.
    static func sentimentAnalyser(of model: ChatModel, in directory: URL) throws -> any SentimentAnalyser {
        guard ModelSentiment.hasHead(model) else { return LexiconSentimentAnalyser() }
        return CombinedSentimentAnalyser(head: ModelSentimentAnalyser(model: model),
                                         combination: try ModelSentiment.combination(in: directory))
    }
}
