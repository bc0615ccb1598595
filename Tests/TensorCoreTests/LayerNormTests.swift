// LayerNorm: known values and gradients (input, γ, β) against finite differences.
import TensorCore
import TestSupport
import Testing

@Test func layerNormNormalisesEachRowWithGainAndShift() {
    let norm = LayerNorm(dimension: 4)
    norm.gamma.value = Tensor(shape: [4], scalars: [1, 2, 1, 1])
    norm.beta.value = Tensor(shape: [4], scalars: [0, 0, 0, 0.5])
    let y = norm.forward(Tensor(shape: [2, 4], scalars: [1, 2, 3, 4, 5, 5, 5, 5])).scalars
    // (x − 2.5) / √(1.25 + 1e-5), then γ, β; a constant row normalises to 0.
    let expected: [Float] = [-1.341_635_5, -0.894_423_7, 0.447_211_85, 1.841_635_5, 0, 0, 0, 0.5]
    #expect(zip(y, expected).allSatisfy { abs($0 - $1) < 1e-5 }, "\(y)")
    #expect(norm.parameters.map(\.name) == ["weight", "bias"])
}

@Test(arguments: [(1, 1), (3, 5), (2, 12), (6, 33)])
func layerNormGradientsMatchFiniteDifferences(shape: (Int, Int)) {
    var generator = SeededGenerator(seed: 41)
    let norm = LayerNorm(dimension: shape.1, name: "ln.")
    norm.gamma.value = Tensor.randomNormal([shape.1], using: &generator)
    norm.beta.value = Tensor.randomNormal([shape.1], using: &generator)
    let x = Tensor.randomNormal([shape.0, shape.1], standardDeviation: 2, using: &generator)
    let results = GradientCheck.checkLayer(input: x, parameters: norm.parameters, epsilon: 5e-3,
                                           forward: { norm.forward($0) }, backward: { norm.backward($0) })
    for (label, result) in results { #expect(result.maxRelativeError < 2e-2, "\(shape) \(label): \(result)") }
}
