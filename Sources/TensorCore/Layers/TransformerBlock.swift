// One pre-LayerNorm transformer block with residual dropout, forward and backward, plus the
// incremental decoding path. Shapes: x [B, T, C] (decode: [n, C] of one sequence), y like x.
//   h = x + drop₁(attn(ln₁(x)));  y = h + drop₂(ffn(ln₂(h)))

/// A GPT-2 style block: attention and MLP, each behind a LayerNorm and added to the residual.
public final class TransformerBlock {
    /// Normalises the attention input.
    public let attentionNorm: LayerNorm
    /// Causal self-attention.
    public let attention: CausalSelfAttention
    /// Normalises the MLP input.
    public let feedForwardNorm: LayerNorm
    /// The position-wise MLP.
    public let feedForward: FeedForward
    /// Dropout on the attention branch before the residual add.
    public let attentionDropout: Dropout
    /// Dropout on the MLP branch before the residual add.
    public let feedForwardDropout: Dropout

    private var residual = Tensor.empty          // h [B, T, C]
    private var output = Tensor.empty            // y [B, T, C]
    private var residualGradient = Tensor.empty  // dh
    private var inputGradient = Tensor.empty     // dx

    /// A block of width `channels` with `headCount` heads and residual dropout `dropout` seeded by `seed`.
    ///
    /// - Parameter name: The checkpoint prefix, e.g. `blocks.0.`; parameters follow `ln1.`, `attn.`, `ln2.`, `mlp.`.
    public init(channels: Int, headCount: Int, dropout: Float = 0, seed: UInt64 = 0, name: String = "",
                generator: inout SeededGenerator) {
        attentionNorm = LayerNorm(dimension: channels, name: name + "ln1.")
        attention = CausalSelfAttention(channels: channels, headCount: headCount, name: name + "attn.",
                                        generator: &generator)
        feedForwardNorm = LayerNorm(dimension: channels, name: name + "ln2.")
        feedForward = FeedForward(channels: channels, name: name + "mlp.", generator: &generator)
        attentionDropout = Dropout(probability: dropout, seed: seed &* 2 &+ 1)
        feedForwardDropout = Dropout(probability: dropout, seed: seed &* 2 &+ 2)
    }

    /// ln1 (γ, β), attn (qkv W, b, proj W, b), ln2 (γ, β), mlp (fc W, b, proj W, b).
    public var parameters: [Parameter] {
        attentionNorm.parameters + attention.parameters + feedForwardNorm.parameters + feedForward.parameters
    }

    /// Switches both dropouts between training and evaluation.
    public var isTraining: Bool {
        get { attentionDropout.isTraining }
        set {
            attentionDropout.isTraining = newValue
            feedForwardDropout.isTraining = newValue
        }
    }

    /// The block applied to `input` [B, T, C]; returns [B, T, C].
    public func forward(_ input: Tensor) -> Tensor {
        let attended = attentionDropout.forward(attention.forward(attentionNorm.forward(input)))
        Self.sum(input, attended, into: &residual)
        let transformed = feedForwardDropout.forward(feedForward.forward(feedForwardNorm.forward(residual)))
        Self.sum(residual, transformed, into: &output)
        return output
    }

    /// The block's output at `rows` only (indices into the B·T positions of `input` [B, T, C]);
    /// returns [rows.count, C]. Attention reads every position's key and value, but the MLP, the
    /// larger part of the work, runs on the chosen rows: what the heads read of the last block.
    /// Inference only: no dropout, and nothing is kept for backward.
    public func forward(_ input: Tensor, rows: [Int]) -> Tensor {
        let c = input.shape[input.rank - 1]
        let attended = attention.forward(attentionNorm.forward(input))
        residual.resize(to: [rows.count, c])
        input.withUnsafeBufferPointer { x in
            attended.withUnsafeBufferPointer { a in
                residual.withUnsafeMutableBufferPointer { h in
                    for (row, index) in rows.enumerated() {
                        precondition(index >= 0 && index * c < x.count, "row \(index) is outside \(input.shape)")
                        for j in 0..<c { h[row * c + j] = x[index * c + j] + a[index * c + j] }
                    }
                }
            }
        }
        let transformed = feedForward.forward(feedForwardNorm.forward(residual), retainingInputs: false)
        Self.sum(residual, transformed, into: &output)
        return output
    }

    /// Returns dx and accumulates every parameter gradient. `outputGradient`: [B, T, C].
    public func backward(_ outputGradient: Tensor) -> Tensor {
        let mlpGradient = feedForwardNorm.backward(feedForward.backward(feedForwardDropout.backward(outputGradient)))
        Self.sum(outputGradient, mlpGradient, into: &residualGradient)
        let attentionGradient = attentionNorm.backward(attention.backward(attentionDropout.backward(residualGradient)))
        Self.sum(residualGradient, attentionGradient, into: &inputGradient)
        return inputGradient
    }

    /// The block applied to new tokens `input` [n, C] of one sequence whose earlier keys and values
    /// are in `cache`; returns [n, C]. Dropout is not applied (decoding is inference).
    ///
    /// - Throws: `TensorCoreError.cacheFull` or `.shapeMismatch` from the attention.
    public func decode(_ input: Tensor, cache: KeyValueCache) throws -> Tensor {
        let attended = try attention.decode(attentionNorm.forward(input), cache: cache)
        Self.sum(input, attended, into: &residual)
        let transformed = feedForward.forward(feedForwardNorm.forward(residual), retainingInputs: false)
        Self.sum(residual, transformed, into: &output)
        return output
    }

    /// result = a + b, reusing result's storage. `a`, `b`: one size; result takes a's shape.
    static func sum(_ a: Tensor, _ b: Tensor, into result: inout Tensor) {
        precondition(a.count == b.count, "residual add: \(a.shape) and \(b.shape) differ")
        result.resize(to: a.shape)
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                result.withUnsafeMutableBufferPointer { z in
                    for i in 0..<z.count { z[i] = x[i] + y[i] }
                }
            }
        }
    }
}
