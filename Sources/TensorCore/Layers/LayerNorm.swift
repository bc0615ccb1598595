// Layer normalisation over the last dimension with learned gain and shift, eps 1e-5 as in
// PyTorch. Shapes: x [N, C] (leading dimensions flattened), γ [C], β [C], y like x.

/// y = (x − mean) / √(var + eps) · γ + β, row by row.
public final class LayerNorm {
    /// C, the normalised dimension.
    public let dimension: Int
    /// The variance floor inside the square root.
    public let epsilon: Float
    /// γ [C], initialised to 1.
    public let gamma: Parameter
    /// β [C], initialised to 0.
    public let beta: Parameter

    private var normalized = Tensor.empty  // x̂ [N, C]
    private var inverseStd: [Float] = []   // 1/√(var + eps) [N]
    private var output = Tensor.empty
    private var inputGradient = Tensor.empty

    /// A layer norm over `dimension` values.
    ///
    /// - Parameter name: The checkpoint prefix; parameters are `weight` (γ) and `bias` (β) after it, as in PyTorch.
    public init(dimension: Int, epsilon: Float = 1e-5, name: String = "") {
        precondition(dimension > 0, "LayerNorm needs a positive dimension")
        self.dimension = dimension
        self.epsilon = epsilon
        gamma = Parameter(name: name + "weight", value: Tensor(shape: [dimension], repeating: 1))
        beta = Parameter(name: name + "bias", value: Tensor(shape: [dimension], repeating: 0))
    }

    /// γ, then β.
    public var parameters: [Parameter] { [gamma, beta] }

    /// Normalises each row of `input` [..., C]; returns the same shape. Keeps x̂ and 1/σ for backward.
    public func forward(_ input: Tensor) -> Tensor {
        precondition(input.shape.last == dimension, "LayerNorm(\(dimension)) got input \(input.shape)")
        let c = dimension, rows = input.count / dimension
        normalized.resize(to: input.shape)
        output.resize(to: input.shape)
        if inverseStd.count != rows { inverseStd = [Float](repeating: 0, count: rows) }
        guard rows > 0 else { return output }
        let eps = epsilon
        input.withUnsafeBufferPointer { x in
            normalized.withUnsafeMutableBufferPointer { xhat in
                output.withUnsafeMutableBufferPointer { y in
                    gamma.value.withUnsafeBufferPointer { g in
                        beta.value.withUnsafeBufferPointer { b in
                            inverseStd.withUnsafeMutableBufferPointer { rstd in
                                for r in 0..<rows {
                                    let base = r * c
                                    var sum: Float = 0
                                    for j in 0..<c { sum += x[base + j] }
                                    let mean = sum / Float(c)
                                    var squares: Float = 0
                                    for j in 0..<c {
                                        let d = x[base + j] - mean
                                        squares += d * d
                                    }
                                    let s = 1 / (squares / Float(c) + eps).squareRoot()
                                    rstd[r] = s
                                    for j in 0..<c {
                                        let n = (x[base + j] - mean) * s
                                        xhat[base + j] = n
                                        y[base + j] = n * g[j] + b[j]
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return output
    }

    /// Returns dx and accumulates dγ += Σ dy·x̂, dβ += Σ dy. `outputGradient`: the input's shape.
    ///
    /// dx = (1/σ) · (dx̂ − mean(dx̂) − x̂ · mean(dx̂ · x̂)) with dx̂ = dy · γ.
    public func backward(_ outputGradient: Tensor) -> Tensor {
        precondition(outputGradient.count == normalized.count,
                     "LayerNorm backward: gradient \(outputGradient.shape) does not match \(normalized.shape)")
        let c = dimension, rows = normalized.count / dimension
        inputGradient.resize(to: normalized.shape)
        guard rows > 0 else { return inputGradient }
        outputGradient.withUnsafeBufferPointer { dy in
            normalized.withUnsafeBufferPointer { xhat in
                inputGradient.withUnsafeMutableBufferPointer { dx in
                    gamma.value.withUnsafeBufferPointer { g in
                        gamma.gradient.withUnsafeMutableBufferPointer { dg in
                            beta.gradient.withUnsafeMutableBufferPointer { db in
                                inverseStd.withUnsafeBufferPointer { rstd in
                                    for r in 0..<rows {
                                        let base = r * c
                                        var meanD: Float = 0, meanDX: Float = 0
                                        for j in 0..<c {
                                            let d = dy[base + j] * g[j]
                                            meanD += d
                                            meanDX += d * xhat[base + j]
                                            dg[j] += dy[base + j] * xhat[base + j]
                                            db[j] += dy[base + j]
                                        }
                                        meanD /= Float(c)
                                        meanDX /= Float(c)
                                        let s = rstd[r]
                                        for j in 0..<c {
                                            dx[base + j] = s * (dy[base + j] * g[j] - meanD - xhat[base + j] * meanDX)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return inputGradient
    }
}
