// The contents of a checkpoint's config.json: format name and version, the model config, the
// labels, calibration, training-data hash, metrics and the expected tensor shapes.

/// What config.json holds.
struct CheckpointManifest: Codable, Sendable {
    /// The format name written in every checkpoint.
    static let formatName = "chatbot-model"
    /// The current format version.
    static let currentVersion = 1

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

    private enum CodingKeys: String, CodingKey {
        case format, version, config, labels, calibration, trainingDataHash = "training_data_hash"
        case vocabularySize = "vocabulary_size", metrics, tensors
    }
}
