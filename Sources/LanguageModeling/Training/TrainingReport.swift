// The summary a training run returns beside the model: epochs, losses, accuracies and timing.

/// What happened during training.
public struct TrainingReport: Codable, Sendable, Equatable {
    /// Examples trained on and held out.
    public var trainingExampleCount = 0, validationExampleCount = 0
    /// The tokenizer's vocabulary size.
    public var vocabularySize = 0
    /// Trainable values.
    public var parameterCount = 0
    /// Epochs run in the multi-task phase.
    public var epochsRun = 0
    /// The 1-based epoch whose weights were kept.
    public var bestEpoch = 0
    /// Mean training loss per epoch.
    public var epochLosses: [Float] = []
    /// Validation intent accuracy per epoch, or sentiment accuracy when no example has an intent
    /// (empty without validation data).
    public var validationAccuracies: [Double] = []
    /// Mean validation reply loss (nats per token) per epoch (empty without held-out replies).
    public var validationReplyLosses: [Double] = []
    /// Intent accuracy of the kept weights on the training split.
    public var trainingAccuracy: Double?
    /// Intent accuracy of the kept weights on the validation split.
    public var validationAccuracy: Double?
    /// Sentiment accuracy of the kept weights on the validation split (nil without sentiment labels there).
    public var validationSentimentAccuracy: Double?
    /// Wall-clock seconds of the whole run (tokenizer, cross-fitting and calibration included).
    public var wallSeconds = 0.0
    /// Models trained for cross-fitted calibration (0: calibrated on the validation split, or not at all).
    public var crossFitFolds = 0

    private enum CodingKeys: String, CodingKey {
        case trainingExampleCount = "training_examples", validationExampleCount = "validation_examples"
        case vocabularySize = "vocabulary_size", parameterCount = "parameters", epochsRun = "epochs_run"
        case bestEpoch = "best_epoch", epochLosses = "epoch_losses", validationAccuracies = "validation_accuracies"
        case validationReplyLosses = "validation_reply_losses"
        case trainingAccuracy = "training_accuracy", validationAccuracy = "validation_accuracy"
        case validationSentimentAccuracy = "validation_sentiment_accuracy"
        case wallSeconds = "wall_seconds", crossFitFolds = "cross_fit_folds"
    }
}
