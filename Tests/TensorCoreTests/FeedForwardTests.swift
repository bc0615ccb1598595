// FeedForward (Linear, GELU, Linear): gradients of the input and all four parameters.
import TensorCore
import TestSupport
import Testing

@Test(arguments: [(1, 1), (3, 4), (5, 7), (2, 12)])
func feedForwardGradientsMatchFiniteDifferences(shape: (Int, Int)) {
    var generator = SeededGenerator(seed: 51)
    let mlp = FeedForward(channels: shape.1, name: "mlp.", generator: &generator)
    let x = Tensor.randomNormal([shape.0, shape.1], using: &generator)
    let results = GradientCheck.checkLayer(input: x, parameters: mlp.parameters,
                                           forward: { mlp.forward($0) }, backward: { mlp.backward($0) })
    #expect(results.map(\.label) == ["input", "mlp.fc.weight", "mlp.fc.bias", "mlp.proj.weight", "mlp.proj.bias"])
    for (label, result) in results { #expect(result.maxRelativeError < 1e-2, "\(shape) \(label): \(result)") }
}
