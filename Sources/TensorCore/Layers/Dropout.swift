// Inverted dropout with its own seeded generator: in training each value is zeroed with
// probability p and survivors are scaled by 1/(1−p), so the expected value is unchanged.
// The mask is kept for backward; with p = 0 or outside training it is the identity.

/// Seeded inverted dropout. Shapes: any; the output and gradients have the input's shape.
public final class Dropout {
    /// The probability of zeroing each value, in [0, 1).
    public var probability: Float
    /// Whether the layer drops values; false makes forward and backward the identity.
    public var isTraining = true
    private var generator: SeededGenerator
    /// The per-value factor of the last forward: 0 or 1/(1−p).
    private var mask = Tensor.empty
    private var maskActive = false
    private var output = Tensor.empty
    private var inputGradient = Tensor.empty

    /// A dropout layer dropping with `probability`, drawing its masks from `seed`.
    public init(probability: Float, seed: UInt64) {
        precondition(probability >= 0 && probability < 1, "dropout probability \(probability) is not in [0, 1)")
        self.probability = probability
        self.generator = SeededGenerator(seed: seed)
    }

    /// Whether forward changes anything right now.
    public var isActive: Bool { isTraining && probability > 0 }

    /// The input with a fresh mask applied; the input itself when inactive (no copy).
    public func forward(_ input: Tensor) -> Tensor {
        maskActive = isActive
        guard maskActive, input.count > 0 else { return input }
        mask.resize(to: input.shape)
        output.resize(to: input.shape)
        let p = probability, keep = 1 / (1 - probability)
        input.withUnsafeBufferPointer { x in
            mask.withUnsafeMutableBufferPointer { m in
                output.withUnsafeMutableBufferPointer { y in
                    for i in 0..<x.count {
                        let factor: Float = generator.nextFloat() < p ? 0 : keep
                        m[i] = factor
                        y[i] = x[i] * factor
                    }
                }
            }
        }
        return output
    }

    /// The output gradient times the last forward's mask; the gradient itself when that forward was inactive.
    public func backward(_ outputGradient: Tensor) -> Tensor {
        guard maskActive, outputGradient.count > 0 else { return outputGradient }
        precondition(outputGradient.count == mask.count,
                     "dropout backward: gradient \(outputGradient.shape) does not match \(mask.shape)")
        inputGradient.resize(to: outputGradient.shape)
        mask.withUnsafeBufferPointer { m in
            outputGradient.withUnsafeBufferPointer { dy in
                inputGradient.withUnsafeMutableBufferPointer { dx in
                    for i in 0..<dx.count { dx[i] = dy[i] * m[i] }
                }
            }
        }
        return inputGradient
    }
}
