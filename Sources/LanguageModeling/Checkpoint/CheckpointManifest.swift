// The contents of a checkpoint's config.json: format name and version, the model config, the
// labels, calibration, training-data hash, metrics, the expected tensor shapes and how the
// weights are stored.

/// What config.json holds.
struct CheckpointManifest: Codable, Sendable {
    /// The format name written in every checkpoint.
    static let formatName = "chatbot-model"
    /// The current format version: 2 added `weights` (int8 storage); float checkpoints are still
    /// written as version 1 so that older readers load them.
    static let currentVersion = 2

    var format: String
    var version: Int
    var config: ChatModelConfig
    var labels: LabelSet
    var calibration: Calibration
    var trainingDataHash: String
    var vocabularySize: Int
    var metrics: [String: Double]
    /// Tensor name → shape, to name mismatches before reading weights.
    var tensors: [String: [Int]]
    /// How model.safetensors stores the weights (absent before version 2: Float32).
    var weights: WeightStorage?

    private enum CodingKeys: String, CodingKey {
        case format, version, config, labels, calibration, trainingDataHash = "training_data_hash"
        case vocabularySize = "vocabulary_size", metrics, tensors, weights
    }
}
