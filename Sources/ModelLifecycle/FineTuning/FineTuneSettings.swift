// The settings of one fine-tuning run, with the defaults `chatbot finetune` uses.
import LanguageModeling

/// How a fine-tuning run trains and how strict its regression gate is.
public struct FineTuneSettings: Sendable, Equatable {
    /// Epochs over the new examples plus the replay (default 4).
    public var epochs = 4
    /// The peak learning rate as a share of the base model's (default 0.5).
    public var learningRateScale: Float = 0.5
    /// Replayed examples of the base's own training data per new example (default 3, i.e. 3:1).
    public var replayRatio = 3.0
    /// The fewest replayed examples per old intent, whatever the ratio gives (default 8): a few
    /// new examples with a 3:1 replay would otherwise leave most old intents unseen, and the new
    /// intents would take their messages.
    public var replayPerIntent = 8
    /// The most accuracy on the old held-out data may drop, in points (default 0.5).
    public var tolerance = 0.5
    /// Share of each intent's new labelled examples held out for the gate (default nil: the
    /// share the base held out of its own data for validation, so the new intents are trained on
    /// as much of theirs as a retraining would; 0.2 when the base held out nothing).
    public var heldOutFraction: Double?
    /// Unlabelled customer turns the base reads with at least this confidence become
    /// pseudo-labelled examples (default 0.9; above 1: none).
    public var pseudoLabelThreshold = 0.9
    /// Promote the candidate even when the gate fails.
    public var force = false
    /// Seed for the held-out slice, the replay sample and shuffling (default 42).
    public var seed: UInt64 = 42

    /// The defaults above.
    public init() {}

    /// The held-out share for a base that held out `baseValidationFraction` of its data.
    public func heldOutFraction(base baseValidationFraction: Double) -> Double {
        heldOutFraction ?? (baseValidationFraction > 0 ? baseValidationFraction : 0.2)
    }

    /// The trainer settings for fine-tuning `base`: its own, with these epochs and learning rate.
    public func trainerConfig(base: ChatModelConfig) -> ChatModelConfig {
        var config = base
        config.epochs = epochs
        config.learningRate = base.learningRate * learningRateScale
        config.seed = seed
        return config
    }
}
