// The transformer's position-wise MLP: Linear C→4C, GELU (exact erf), Linear 4C→C.
// Shapes: x [N, C] (leading dimensions flattened), hidden [N, 4C], y [N, C].

/// Two linear layers with a GELU between them.
public final class FeedForward {
    /// C → hidden (4C by default).
    public let expand: Linear
    /// hidden → C.
    public let contract: Linear

    private var preActivation = Tensor.empty  // fc output, kept for GELU backward
    private var activated = Tensor.empty
    private var preActivationGradient = Tensor.empty

    /// An MLP over `channels` with `hiddenSize` (default 4·channels) inner units.
    ///
    /// - Parameter name: The checkpoint prefix; parameters are `fc.weight`, `fc.bias`, `proj.weight`, `proj.bias` after it.
    public convenience init(channels: Int, hiddenSize: Int? = nil, name: String = "", generator: inout SeededGenerator) {
        self.init(channels: channels, hiddenSize: hiddenSize, expandName: name + "fc.", contractName: name + "proj.",
                  generator: &generator)
    }

    /// An MLP whose two layers have the checkpoint prefixes `expandName` and `contractName`
    /// (BERT: `intermediate.dense.` and `output.dense.`).
    public init(channels: Int, hiddenSize: Int? = nil, expandName: String, contractName: String,
                generator: inout SeededGenerator) {
        let hidden = hiddenSize ?? 4 * channels
        expand = Linear(inputSize: channels, outputSize: hidden, name: expandName, generator: &generator)
        contract = Linear(inputSize: hidden, outputSize: channels, name: contractName, generator: &generator)
    }

    /// GELU values per parallel chunk: below twice this the pass stays on one thread.
    static let valuesPerChunk = 32_768

    /// fc.weight, fc.bias, proj.weight, proj.bias.
    public var parameters: [Parameter] { expand.parameters + contract.parameters }

    /// y = W₂ GELU(W₁ x + b₁) + b₂. `input`: [..., C]; returns the same shape.
    ///
    /// With `retainingInputs` false (inference) nothing is kept for backward, so no buffer stays shared.
    public func forward(_ input: Tensor, retainingInputs: Bool = true) -> Tensor {
        preActivation = .empty
        let hidden = expand.forward(input, retainingInput: retainingInputs)
        activated.resize(to: hidden.shape)
        hidden.withUnsafeBufferPointer { h in
            activated.withUnsafeMutableBufferPointer { a in
                let (input, output) = (h.baseAddress!, a.baseAddress!)
                Parallel.forEachChunk(h.count, minimumChunk: Self.valuesPerChunk) { _, range in
                    Activation.gelu(input + range.lowerBound, into: output + range.lowerBound, count: range.count)
                }
            }
        }
        if retainingInputs { preActivation = hidden }
        return contract.forward(activated, retainingInput: retainingInputs)
    }

    /// Returns dx and accumulates both layers' parameter gradients. `outputGradient`: [..., C].
    ///
    /// Consumes the kept activations: one backward per forward.
    public func backward(_ outputGradient: Tensor) -> Tensor {
        precondition(!preActivation.scalars.isEmpty, "FeedForward backward needs a training forward first")
        let activatedGradient = contract.backward(outputGradient)
        preActivationGradient.resize(to: preActivation.shape)
        preActivation.withUnsafeBufferPointer { h in
            activatedGradient.withUnsafeBufferPointer { da in
                preActivationGradient.withUnsafeMutableBufferPointer { dh in
                    let (input, gradient, result) = (h.baseAddress!, da.baseAddress!, dh.baseAddress!)
                    Parallel.forEachChunk(h.count, minimumChunk: Self.valuesPerChunk) { _, range in
                        let offset = range.lowerBound
                        Activation.geluBackward(input: input + offset, outputGradient: gradient + offset,
                                                into: result + offset, count: range.count)
                    }
                }
            }
        }
        preActivation = .empty
        return expand.backward(preActivationGradient)
    }
}
