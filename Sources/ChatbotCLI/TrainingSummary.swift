// What `chatbot train` (and the first `chatbot chat`) prints about a training run: the summary
// table, and the pipeline's errors as one-line command failures.
import Dialogue
import Foundation
import LanguageModeling
import ModelLifecycle

/// Runs the shared training pipeline for the CLI and formats its outcome.
enum TrainingSummary {
    /// Runs `pipeline` with a progress bar; its errors become `CommandFailure`s.
    static func run(_ pipeline: TrainingPipeline) throws -> TrainingPipeline.Outcome {
        do {
            return try pipeline.run(progress: TrainingProgressBar())
        } catch .noLabels {
            throw CommandFailure("the training data has no intent or sentiment labels (give --intents, --data or --sentiment-data)")
        } catch {
            throw CommandFailure(error.description)
        }
    }

    /// The sentiment row of the summary: whether the head trained, its validation accuracy, and the combiner.
    private static func sentimentSummary(_ outcome: TrainingPipeline.Outcome) -> String {
        guard ModelSentiment.hasHead(outcome.model) else { return "no sentiment labels: the lexicon alone reads mood" }
        let accuracy = outcome.report.validationSentimentAccuracy
            .map { String(format: "head %.1f %% on validation (kept weights); ", $0 * 100) } ?? ""
        return accuracy + (outcome.sentimentCombinerFitted
            ? "combined with the lexicon by a combiner fitted on validation (\(ModelSentiment.combinerFileName))"
            : "averaged with the lexicon (no combiner: it needs \(ModelSentiment.minimumCombinerExamples) labelled validation messages of two classes)")
    }

    /// Whether the chat will send generated replies, and what the reply gate measured.
    static func replySummary(_ model: ChatModel) -> String {
        guard let samples = model.metrics["reply_gate_samples"], samples > 0 else {
            return "off, templates only (no held-out replies to fit the reply gate on)"
        }
        let good = String(format: "%.0f %% of %.0f held-out replies good", 100 * (model.metrics["reply_gate_good_rate"] ?? 0), samples)
        guard let gate = model.replyGate else { return "off, templates only (\(good))" }
        return String(format: "sent from mean token log-probability %.2f on (%.0f %% of held-out replies pass; ",
                      gate.minimumConfidence, 100 * gate.heldOutPassRate) + good + ")"
    }

    /// The summary table printed after training.
    static func table(_ outcome: TrainingPipeline.Outcome, registered: String?) -> String {
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
            ("generated replies", replySummary(outcome.model)),
            ("wall time", String(format: "%.1f s", report.wallSeconds)),
            ("output", outcome.directory.path),
        ]
        if let classifier = outcome.encoderClassifier {
            let accuracy = classifier.metrics["encoder_validation_accuracy"].map { String(format: "%.1f %% on validation, ", $0 * 100) } ?? ""
            rows.insert(("encoder", accuracy + "reads intents" + (classifier.hasSentiment ? " and sentiment" : "")),
                        at: rows.count - 2)
        }
        if let registered { rows.append(("active version", registered)) }
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n")
    }
}

extension TrainingProgressBar: TrainingProgressReporting {}
