// GELU (exact erf) against known values, and its derivative against finite differences.
import TensorCore
import TestSupport
import Testing

@Test func geluMatchesKnownValues() {
    let x = Tensor(shape: [5], scalars: [-1, 0, 0.5, 1, 2])
    // Exact GELU x·Φ(x) (torch.nn.functional.gelu default), not the tanh approximation.
    let gelu: [Float] = [-0.158_655_25, 0, 0.345_731_35, 0.841_344_75, 1.954_499_7]
    let got = x.gelu()
    #expect(zip(got.scalars, gelu).allSatisfy { abs($0 - $1) < 1e-6 }, "\(got.scalars) vs \(gelu)")
}

@Test func geluDerivativeMatchesFiniteDifferences() {
    let xs: [Float] = [-3, -1.2, -0.3, 0, 0.4, 1.1, 2.5]
    let h: Float = 1e-3
    for x in xs {
        var input = [x], dx: [Float] = [0], one: [Float] = [1]
        let plus = Tensor(shape: [1], scalars: [x + h]), minus = Tensor(shape: [1], scalars: [x - h])
        Activation.geluBackward(input: &input, outputGradient: &one, into: &dx, count: 1)
        let geluNumeric = (plus.gelu().scalars[0] - minus.gelu().scalars[0]) / (2 * h)
        #expect(abs(dx[0] - geluNumeric) < 2e-3, "GELU'(\(x))")
    }
}
