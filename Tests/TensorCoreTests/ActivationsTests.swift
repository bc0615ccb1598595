// GELU (exact erf), tanh and sigmoid against known values, and their derivatives against
// finite differences.
import TensorCore
import TestSupport
import Testing

@Test func geluTanhAndSigmoidMatchKnownValues() {
    let x = Tensor(shape: [5], scalars: [-1, 0, 0.5, 1, 2])
    // Exact GELU x·Φ(x) (torch.nn.functional.gelu default), not the tanh approximation.
    let gelu: [Float] = [-0.158_655_25, 0, 0.345_731_35, 0.841_344_75, 1.954_499_7]
    let tanh: [Float] = [-0.761_594_16, 0, 0.462_117_16, 0.761_594_16, 0.964_027_6]
    let sigmoid: [Float] = [0.268_941_42, 0.5, 0.622_459_3, 0.731_058_6, 0.880_797_1]
    for (got, want) in [(x.gelu(), gelu), (x.tanh(), tanh), (x.sigmoid(), sigmoid)] {
        #expect(zip(got.scalars, want).allSatisfy { abs($0 - $1) < 1e-6 }, "\(got.scalars) vs \(want)")
    }
    let extreme = Tensor(shape: [2], scalars: [-200, 200]).sigmoid().scalars
    #expect(extreme[0] >= 0 && extreme[0] < 1e-30 && extreme[1] == 1)
}

@Test func activationDerivativesMatchFiniteDifferences() {
    let xs: [Float] = [-3, -1.2, -0.3, 0, 0.4, 1.1, 2.5]
    let h: Float = 1e-3
    for x in xs {
        var input = [x], output: [Float] = [0], dx: [Float] = [0], one: [Float] = [1]
        let plus = Tensor(shape: [1], scalars: [x + h]), minus = Tensor(shape: [1], scalars: [x - h])
        Activation.geluBackward(input: &input, outputGradient: &one, into: &dx, count: 1)
        let geluNumeric = (plus.gelu().scalars[0] - minus.gelu().scalars[0]) / (2 * h)
        #expect(abs(dx[0] - geluNumeric) < 2e-3, "GELU'(\(x))")
        Activation.tanh(&input, into: &output, count: 1)
        Activation.tanhBackward(output: &output, outputGradient: &one, into: &dx, count: 1)
        #expect(abs(dx[0] - (plus.tanh().scalars[0] - minus.tanh().scalars[0]) / (2 * h)) < 2e-3, "tanh'(\(x))")
        Activation.sigmoid(&input, into: &output, count: 1)
        Activation.sigmoidBackward(output: &output, outputGradient: &one, into: &dx, count: 1)
        #expect(abs(dx[0] - (plus.sigmoid().scalars[0] - minus.sigmoid().scalars[0]) / (2 * h)) < 2e-3, "σ'(\(x))")
    }
}
