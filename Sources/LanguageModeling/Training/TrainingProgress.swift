// What the trainer reports after every step and at the end of every epoch, for a progress bar.

/// A snapshot of training progress.
public struct TrainingProgress: Sendable, Equatable {
    /// Which loop is running.
    public enum Phase: String, Sendable {
        /// Next-token training on all text before the heads (`lm_pretraining_epochs`).
        case languageModelPretraining
        /// The multi-task training.
        case training
        /// Any phase of a fold model of cross-fitted calibration (trained before the final model).
        case crossFitting
    }

    /// The loop running.
    public var phase: Phase
    /// 1-based epoch within the phase.
    public var epoch: Int
    /// Epochs planned in the phase (early stopping may end sooner).
    public var epochCount: Int
    /// 1-based step within the epoch.
    public var step: Int
    /// Steps per epoch.
    public var stepsPerEpoch: Int
    /// Mean loss over the epoch so far.
    public var loss: Float
    /// Validation intent accuracy after this epoch (nil mid-epoch or without validation data).
    public var validationAccuracy: Double?
    /// True for the report at the end of an epoch.
    public var isEpochEnd: Bool
    /// Non-pad tokens processed per second in this phase.
    public var tokensPerSecond: Double
    /// Seconds since training started.
    public var elapsedSeconds: Double
    /// Estimated seconds left if every planned epoch runs.
    public var estimatedSecondsLeft: Double

    /// A snapshot with every field given (the trainer's reports; tests of progress displays).
    package init(phase: Phase, epoch: Int, epochCount: Int, step: Int, stepsPerEpoch: Int, loss: Float,
                 validationAccuracy: Double?, isEpochEnd: Bool, tokensPerSecond: Double, elapsedSeconds: Double,
                 estimatedSecondsLeft: Double) {
        self.phase = phase
        self.epoch = epoch
        self.epochCount = epochCount
        self.step = step
        self.stepsPerEpoch = stepsPerEpoch
        self.loss = loss
        self.validationAccuracy = validationAccuracy
        self.isEpochEnd = isEpochEnd
        self.tokensPerSecond = tokensPerSecond
        self.elapsedSeconds = elapsedSeconds
        self.estimatedSecondsLeft = estimatedSecondsLeft
    }
}
