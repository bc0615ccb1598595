// A fully connected layer y = x Wᵀ + b with PyTorch's weight layout, forward and backward
// through BLAS. Shapes: x [N, in] (any leading dimensions, flattened to N rows), W [out, in],
// b [out], y [N, out].

/// An affine map over the last dimension.
public final class Linear {
    /// The size of the last input dimension.
    public let inputSize: Int
    /// The size of the last output dimension.
    public let outputSize: Int
    /// W [out, in].
    public let weight: Parameter
    /// b [out], or nil for a layer without bias.
    public let bias: Parameter?

    private var input = Tensor.empty
    private var output = Tensor.empty
    private var inputGradient = Tensor.empty

    /// A layer initialised like PyTorch's `nn.Linear`: W and b uniform in ±1/√in.
    ///
    /// - Parameter name: The checkpoint prefix, e.g. `blocks.0.mlp.fc.`; parameters are `weight` and `bias` after it.
    public init(inputSize: Int, outputSize: Int, hasBias: Bool = true, name: String = "",
                generator: inout SeededGenerator) {
        precondition(inputSize > 0 && outputSize > 0, "Linear needs positive sizes")
        self.inputSize = inputSize
        self.outputSize = outputSize
        let bound = 1 / Float(inputSize).squareRoot()
        weight = Parameter(name: name + "weight",
                           value: .randomUniform([outputSize, inputSize], in: -bound...bound, using: &generator))
        bias = hasBias
            ? Parameter(name: name + "bias", value: .randomUniform([outputSize], in: -bound...bound, using: &generator))
            : nil
    }

    /// Weight, then bias if any.
    public var parameters: [Parameter] { bias.map { [weight, $0] } ?? [weight] }

    /// y = x Wᵀ + b. `input`: [..., in]; returns [..., out].
    ///
    /// Keeps `input` for backward unless `retainingInput` is false (inference, e.g. decoding),
    /// which leaves the caller's buffer unshared so it can be reused without a copy.
    public func forward(_ input: Tensor, retainingInput: Bool = true) -> Tensor {
        precondition(input.shape.last == inputSize && input.count > 0,
                     "Linear(\(inputSize)→\(outputSize)) got input \(input.shape)")
        self.input = retainingInput ? input : .empty
        let rows = input.count / inputSize
        output.resize(to: Array(input.shape.dropLast()) + [outputSize])
        let (n, k) = (outputSize, inputSize)
        output.withUnsafeMutableBufferPointer { y in
            let y = y.baseAddress!
            if let bias {
                bias.value.withUnsafeBufferPointer { b in
                    for r in 0..<rows {
                        for j in 0..<n { y[r * n + j] = b[j] }
                    }
                }
            }
            input.withUnsafeBufferPointer { x in
                weight.value.withUnsafeBufferPointer { w in
                    BLAS.gemm(transposeB: true, m: rows, n: n, k: k, a: x.baseAddress!, lda: k,
                              b: w.baseAddress!, ldb: k, beta: bias == nil ? 0 : 1, c: y, ldc: n)
                }
            }
        }
        return output
    }

    /// Returns dx = dy W and accumulates dW += dyᵀ x, db += Σ dy. `outputGradient`: [..., out].
    ///
    /// Consumes the kept input (so its buffer is unshared again): one backward per forward.
    public func backward(_ outputGradient: Tensor) -> Tensor {
        precondition(outputGradient.count == input.count / inputSize * outputSize,
                     "Linear backward: gradient \(outputGradient.shape) does not match input \(input.shape)")
        let rows = input.count / inputSize
        let (n, k) = (outputSize, inputSize)
        inputGradient.resize(to: input.shape)
        outputGradient.withUnsafeBufferPointer { dy in
            let dy = dy.baseAddress!
            inputGradient.withUnsafeMutableBufferPointer { dx in
                weight.value.withUnsafeBufferPointer { w in
                    BLAS.gemm(m: rows, n: k, k: n, a: dy, lda: n, b: w.baseAddress!, ldb: k,
                              c: dx.baseAddress!, ldc: k)
                }
            }
            input.withUnsafeBufferPointer { x in
                weight.gradient.withUnsafeMutableBufferPointer { dw in
                    BLAS.gemm(transposeA: true, m: n, n: k, k: rows, a: dy, lda: n, b: x.baseAddress!, ldb: k,
                              beta: 1, c: dw.baseAddress!, ldc: k)
                }
            }
            if let bias {
                bias.gradient.withUnsafeMutableBufferPointer { db in
                    for r in 0..<rows {
                        for j in 0..<n { db[j] += dy[r * n + j] }
                    }
                }
            }
        }
        input = .empty
        return inputGradient
    }
}
