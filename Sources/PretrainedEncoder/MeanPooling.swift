// Sentence vectors from token states: the mean over each sequence's valid positions, optionally
// scaled to unit length (what sentence-transformers' MiniLM does), with backward.
// Shapes: hidden [B, T, C], lengths [B], pooled [B, C].
import TensorCore

/// Masked mean pooling and L2 normalisation.
public final class MeanPooling {
    /// Whether pooled vectors are scaled to unit L2 norm.
    public let normalizes: Bool
    private var lengths: [Int] = []
    private var time = 0, channels = 0
    private var means = Tensor.empty     // [B, C] before normalisation
    private var norms: [Float] = []      // [B]
    private var pooled = Tensor.empty

    /// A pooling that normalises when `normalizes`.
    public init(normalizes: Bool) {
        self.normalizes = normalizes
    }

    /// The pooled vectors [B, C] of `hidden` [B, T, C] over the first `lengths[b]` positions.
    public func forward(_ hidden: Tensor, lengths: [Int]) -> Tensor {
        let (b, t, c) = (hidden.shape[0], hidden.shape[1], hidden.shape[2])
        self.lengths = lengths
        time = t
        channels = c
        means.resize(to: [b, c])
        pooled.resize(to: [b, c])
        norms = [Float](repeating: 1, count: b)
        hidden.withUnsafeBufferPointer { h in
            means.withUnsafeMutableBufferPointer { m in
                pooled.withUnsafeMutableBufferPointer { y in
                    for row in 0..<b {
                        let n = lengths[row]
                        for j in 0..<c { m[row * c + j] = 0 }
                        for position in 0..<n {
                            let base = (row * t + position) * c
                            for j in 0..<c { m[row * c + j] += h[base + j] }
                        }
                        var squares: Float = 0
                        for j in 0..<c {
                            m[row * c + j] /= Float(n)
                            squares += m[row * c + j] * m[row * c + j]
                        }
                        let norm = normalizes ? max(squares.squareRoot(), 1e-12) : 1
                        norms[row] = norm
                        for j in 0..<c { y[row * c + j] = m[row * c + j] / norm }
                    }
                }
            }
        }
        return pooled
    }

    /// The gradient for `hidden` [B, T, C] from the pooled one [B, C] (zero at padded positions).
    public func backward(_ pooledGradient: Tensor) -> Tensor {
        let (b, t, c) = (lengths.count, time, channels)
        var hiddenGradient = Tensor(shape: [b, t, c])
        pooledGradient.withUnsafeBufferPointer { dy in
            pooled.withUnsafeBufferPointer { y in
                hiddenGradient.withUnsafeMutableBufferPointer { dh in
                    for row in 0..<b {
                        // d mean = (dy − y (y·dy)) / ‖m‖ when normalised, else dy.
                        var dot: Float = 0
                        if normalizes { for j in 0..<c { dot += y[row * c + j] * dy[row * c + j] } }
                        let n = lengths[row]
                        for j in 0..<c {
                            let meanGradient = normalizes ? (dy[row * c + j] - y[row * c + j] * dot) / norms[row] : dy[row * c + j]
                            let share = meanGradient / Float(n)
                            for position in 0..<n { dh[(row * t + position) * c + j] = share }
                        }
                    }
                }
            }
        }
        return hiddenGradient
    }
}
