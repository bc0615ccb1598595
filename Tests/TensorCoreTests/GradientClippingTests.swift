// Global-norm clipping: the norm over all parameters, scaling only above the limit.
import TensorCore
import Testing

@Test func clippingReturnsTheGlobalNormAndScalesOnlyAboveTheLimit() {
    let a = Parameter(name: "a", value: .zeros([2])), b = Parameter(name: "b", value: .zeros([1]))
    a.gradient = Tensor(shape: [2], scalars: [3, 0])
    b.gradient = Tensor(shape: [1], scalars: [4])
    let norm = [a, b].clipGradientNorm(maxNorm: 1)
    #expect(abs(norm - 5) < 1e-6)
    #expect(abs(a.gradient.scalars[0] - 0.6) < 1e-5 && abs(b.gradient.scalars[0] - 0.8) < 1e-5)
    let again = [a, b].clipGradientNorm(maxNorm: 10)
    #expect(abs(again - 1) < 1e-5)
    #expect(abs(a.gradient.scalars[0] - 0.6) < 1e-5, "below the limit nothing changes")
}
