// The small, fast model configuration tests above ChatModel train with (about a second in
// release): d=32, one layer, no LM pre-training, no validation split, full LM weight.
import LanguageModeling

extension ChatModelConfig {
    /// A configuration that trains a handful of intents in about a second in release.
    public static func tiny(epochs: Int = 60) -> ChatModelConfig {
        var config = ChatModelConfig()
        config.modelWidth = 32
        config.layerCount = 1
        config.headCount = 2
        config.contextLength = 48
        config.epochs = epochs
        config.languageModelPretrainingEpochs = 0
        config.validationFraction = 0
        config.earlyStoppingPatience = 0
        config.batchSize = 8
        config.learningRate = 3e-3
        config.dropout = 0
        config.labelSmoothing = 0
        config.languageModelWeight = 1
        config.sparseBuckets = 4_096
        config.trainingThreads = 1
        config.checkpointAveraging = 0
        return config
    }
}
