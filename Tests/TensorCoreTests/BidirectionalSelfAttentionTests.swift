// Bidirectional attention and the post-LN encoder block: finite-difference checks with padded
// sequences, and padding that cannot change what the valid positions see.
import TensorCore
import TestSupport
import Testing

@Test(arguments: [(1, 1, 4, 2, [1]), (2, 3, 6, 2, [3, 1]), (2, 4, 8, 4, [2, 4]), (3, 2, 4, 1, [2, 1, 2])])
func bidirectionalAttentionGradientsMatchFiniteDifferences(shape: (Int, Int, Int, Int, [Int])) {
    let (batch, time, c, heads, lengths) = shape
    var generator = SeededGenerator(seed: 71)
    let layer = BidirectionalSelfAttention(channels: c, headCount: heads, name: "a.", generator: &generator)
    let x = Tensor.randomNormal([batch, time, c], using: &generator)
    let results = GradientCheck.checkLayer(input: x, parameters: layer.parameters,
                                           forward: { layer.forward($0, lengths: lengths) },
                                           backward: { layer.backward($0) })
    #expect(results.map(\.label) == ["input", "a.self.query.weight", "a.self.query.bias", "a.self.key.weight",
                                     "a.self.key.bias", "a.self.value.weight", "a.self.value.bias",
                                     "a.output.dense.weight", "a.output.dense.bias"])
    for (label, result) in results { #expect(result.maxRelativeError < 1e-2, "\(shape) \(label): \(result)") }
}

@Test func paddingDoesNotChangeTheValidPositions() {
    var generator = SeededGenerator(seed: 72)
    let layer = BidirectionalSelfAttention(channels: 6, headCount: 2, generator: &generator)
    let short = Tensor.randomNormal([1, 3, 6], using: &generator)
    let alone = layer.forward(short, lengths: [3], retainingInputs: false).scalars
    // The same three positions followed by two positions of noise, masked out.
    let noise = Tensor.randomNormal([1, 2, 6], using: &generator)
    let padded = Tensor(shape: [1, 5, 6], scalars: short.scalars + noise.scalars)
    let withPadding = layer.forward(padded, lengths: [3], retainingInputs: false).scalars
    let worst = zip(alone, withPadding.prefix(18)).map { abs($0 - $1) }.max() ?? 1
    #expect(worst < 1e-5)
    // Unmasked, the noise does change them.
    let unmasked = layer.forward(padded, lengths: [5], retainingInputs: false).scalars
    #expect((zip(alone, unmasked.prefix(18)).map { abs($0 - $1) }.max() ?? 0) > 1e-3)
}

@Test func postNormEncoderBlockGradientsMatchFiniteDifferences() {
    var generator = SeededGenerator(seed: 73)
    let block = PostNormEncoderBlock(channels: 8, headCount: 2, intermediateSize: 12, name: "l.", generator: &generator)
    let x = Tensor.randomNormal([2, 3, 8], using: &generator)
    let results = GradientCheck.checkLayer(input: x, parameters: block.parameters,
                                           forward: { block.forward($0, lengths: [3, 2]) },
                                           backward: { block.backward($0) })
    #expect(results.count == 1 + 16)
    #expect(results.contains { $0.label == "l.attention.output.LayerNorm.weight" })
    #expect(results.contains { $0.label == "l.intermediate.dense.weight" })
    #expect(results.contains { $0.label == "l.output.LayerNorm.bias" })
    for (label, result) in results { #expect(result.maxRelativeError < 2e-2, "\(label): \(result)") }
}
