// The `training` and `inference` suites' settings (the `chatbot bench --shapes/--…-threads` flags).

/// The model shapes and thread counts of the `training` and `inference` suites.
public struct NetworkBenchmarkSettings: Sendable {
    /// One model size: width × transformer blocks.
    public struct Shape: Sendable, Equatable, CustomStringConvertible {
        /// C, the model width (4 heads, so a multiple of 4).
        public var width: Int
        /// Transformer blocks.
        public var layers: Int

        /// A shape of `width` × `layers`.
        public init(width: Int, layers: Int) {
            self.width = width
            self.layers = layers
        }

        /// `WIDTHxLAYERS` (e.g. `128x2`) as in the figures' names; nil unless both are positive
        /// and the width splits into 4 heads.
        public init?(_ text: Substring) {
            let parts = text.split(separator: "x")
            guard parts.count == 2, let width = Int(parts[0]), let layers = Int(parts[1]),
                  width > 0, width % 4 == 0, layers > 0 else { return nil }
            self.init(width: width, layers: layers)
        }

        /// `d128x2`, the figures' name part.
        public var description: String { "d\(width)x\(layers)" }
    }

    /// The sizes to measure (default d128×2 and d256×4, as the PyTorch peer).
    public var shapes = [Shape(width: 128, layers: 2), Shape(width: 256, layers: 4)]
    /// OpenBLAS threads while training (default 2, the trainer's default).
    public var trainingThreads = 2
    /// OpenBLAS threads for batch-1 inference (default 1, what `chat` and `serve` use).
    public var inferenceThreads = 1

    /// The defaults.
    public init() {}
}
