// One BERT encoder layer (post-LayerNorm): h = LN(x + Attention(x)), y = LN(h + FFN(h)) with a
// GELU (erf) FFN. Shapes: x, h, y [B, T, C]; the FFN's hidden [B·T, I]. Parameter names follow
// Hugging Face BERT (`attention.self.query.weight`, …, `output.LayerNorm.bias`).

/// A post-LN transformer encoder layer with a padding mask.
public final class PostNormEncoderBlock {
    /// Self-attention over the valid positions.
    public let attention: BidirectionalSelfAttention
    /// LayerNorm after the attention residual.
    public let attentionNorm: LayerNorm
    /// The position-wise MLP.
    public let feedForward: FeedForward
    /// LayerNorm after the MLP residual.
    public let outputNorm: LayerNorm

    /// A layer of width `channels` with `headCount` heads and `intermediateSize` MLP units.
    ///
    /// - Parameter name: The checkpoint prefix, e.g. `encoder.layer.0.`.
    public init(channels: Int, headCount: Int, intermediateSize: Int, layerNormEpsilon: Float = 1e-12,
                name: String = "", generator: inout SeededGenerator) {
        attention = BidirectionalSelfAttention(channels: channels, headCount: headCount, name: name + "attention.",
                                               generator: &generator)
        attentionNorm = LayerNorm(dimension: channels, epsilon: layerNormEpsilon, name: name + "attention.output.LayerNorm.")
        feedForward = FeedForward(channels: channels, hiddenSize: intermediateSize,
                                  expandName: name + "intermediate.dense.", contractName: name + "output.dense.",
                                  generator: &generator)
        outputNorm = LayerNorm(dimension: channels, epsilon: layerNormEpsilon, name: name + "output.LayerNorm.")
    }

    /// Attention, its norm, the MLP, its norm.
    public var parameters: [Parameter] {
        attention.parameters + attentionNorm.parameters + feedForward.parameters + outputNorm.parameters
    }

    /// `input`: [B, T, C], `lengths`: the valid positions of each sequence; returns [B, T, C].
    public func forward(_ input: Tensor, lengths: [Int], retainingInputs: Bool = true) -> Tensor {
        let attended = attention.forward(input, lengths: lengths, retainingInputs: retainingInputs)
        let hidden = attentionNorm.forward(input.adding(attended))
        let mixed = feedForward.forward(hidden, retainingInputs: retainingInputs)
        return outputNorm.forward(hidden.adding(mixed))
    }

    /// Returns dx and accumulates every parameter gradient. `outputGradient`: [B, T, C].
    public func backward(_ outputGradient: Tensor) -> Tensor {
        let hiddenSum = outputNorm.backward(outputGradient)
        let hiddenGradient = hiddenSum.adding(feedForward.backward(hiddenSum))
        let inputSum = attentionNorm.backward(hiddenGradient)
        return inputSum.adding(attention.backward(inputSum))
    }
}
