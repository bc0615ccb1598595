// Why a training or fine-tuning run stopped: the data could not be read, has no labels or
// nothing new, training itself failed, or the checkpoint could not be saved.
import FileFormats
import Foundation

/// A failed `TrainingPipeline` run (a closed set, each with its context).
public enum TrainingPipelineError: Error, CustomStringConvertible {
    /// The sources could not be read or failed validation (every problem with file:line).
    case unreadableData(FileFormatError)
    /// The data has neither intent nor sentiment labels.
    case noLabels
    /// The sources hold nothing a fine-tuning run could learn (why, in words).
    case nothingToLearn(String)
    /// The trainer failed (its error's text).
    case trainingFailed(String)
    /// The checkpoint could not be written to `directory`.
    case saveFailed(directory: URL, reason: String)

    /// One line per problem.
    public var description: String {
        switch self {
        case .unreadableData(let error): "cannot read the training data:\n\(error.description)"
        case .noLabels: "the training data has no intent or sentiment labels"
        case .nothingToLearn(let reason): "nothing to fine-tune on: \(reason)"
        case .trainingFailed(let reason): "training failed: \(reason)"
        case .saveFailed(let directory, let reason): "cannot save the model to \(directory.path): \(reason)"
        }
    }
}
