// Linear: forward against the naive reference, backward against finite differences for odd shapes.
import TensorCore
import TestSupport
import Testing

@Test(arguments: [(1, 1, 1), (3, 5, 2), (4, 7, 9), (2, 13, 6)])
func linearGradientsMatchFiniteDifferences(shape: (Int, Int, Int)) {
    let (rows, inputs, outputs) = shape
    var generator = SeededGenerator(seed: 21)
    for hasBias in [true, false] {
        let layer = Linear(inputSize: inputs, outputSize: outputs, hasBias: hasBias, name: "fc.", generator: &generator)
        let x = Tensor.randomNormal([rows, inputs], using: &generator)
        let results = GradientCheck.checkLayer(input: x, parameters: layer.parameters,
                                               forward: { layer.forward($0) }, backward: { layer.backward($0) })
        #expect(results.count == (hasBias ? 3 : 2))
        for (label, result) in results { #expect(result.maxRelativeError < 1e-2, "\(shape) \(label): \(result)") }
    }
}

@Test func linearForwardIsInputTimesWeightTransposedPlusBias() {
    var generator = SeededGenerator(seed: 22)
    let layer = Linear(inputSize: 5, outputSize: 3, generator: &generator)
    let x = Tensor.randomNormal([2, 4, 5], using: &generator)
    let y = layer.forward(x)
    #expect(y.shape == [2, 4, 3])
    let reference = Tensor.naiveMatmul(x.reshaped([8, 5]), layer.weight.value, transposeB: true)
    for r in 0..<8 {
        for j in 0..<3 {
            let want = reference.scalars[r * 3 + j] + (layer.bias?.value.scalars[j] ?? 0)
            #expect(abs(y.scalars[r * 3 + j] - want) < 1e-5)
        }
    }
    #expect(layer.parameters.map(\.name) == ["weight", "bias"])
}

@Test func linearBackwardAccumulatesParameterGradients() {
    var generator = SeededGenerator(seed: 23)
    let layer = Linear(inputSize: 3, outputSize: 2, generator: &generator)
    let x = Tensor.randomNormal([4, 3], using: &generator)
    let g = Tensor.randomNormal([4, 2], using: &generator)
    _ = layer.forward(x)
    _ = layer.backward(g)
    let once = layer.weight.gradient
    _ = layer.forward(x)
    _ = layer.backward(g)
    #expect(zip(layer.weight.gradient.scalars, once.scalars).allSatisfy { abs($0 - 2 * $1) < 1e-5 })
}
