// How a checkpoint stores its weights: Float32, or matrices as int8 with per-row scales
// (`chatbot models quantize`). In memory the model is Float32 either way.

/// The stored form of a checkpoint's weights.
public enum WeightStorage: String, Codable, Sendable {
    /// Every tensor as F32.
    case float32 = "float32"
    /// Matrices as I8 with a Float32 scale per row, vectors as F32 (`Int8RowQuantization`).
    case int8PerRow = "int8-per-row"
}
