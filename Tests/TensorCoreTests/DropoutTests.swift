// Dropout: reproducible per seed, mean-preserving, identity at p = 0 or in evaluation, and a
// backward that applies the same mask.
import TensorCore
import TestSupport
import Testing

@Test func dropoutIsReproducibleWithTheSameSeedAndPreservesTheMean() {
    let x = Tensor(shape: [100, 100], repeating: 1)
    let first = Dropout(probability: 0.3, seed: 11).forward(x)
    let second = Dropout(probability: 0.3, seed: 11).forward(x)
    let other = Dropout(probability: 0.3, seed: 12).forward(x)
    #expect(first == second)
    #expect(first != other)
    let mean = first.scalars.reduce(0, +) / Float(first.count)
    #expect(abs(mean - 1) < 0.03, "mean \(mean)")
    let zeros = first.scalars.filter { $0 == 0 }.count
    #expect(abs(Float(zeros) / Float(first.count) - 0.3) < 0.02)
    #expect(first.scalars.allSatisfy { $0 == 0 || abs($0 - 1 / 0.7) < 1e-6 })
}

@Test func dropoutBackwardUsesTheForwardMask() {
    var generator = SeededGenerator(seed: 3)
    let x = Tensor.randomNormal([7, 5], using: &generator)
    let dropout = Dropout(probability: 0.5, seed: 4)
    let y = dropout.forward(x)
    let g = dropout.backward(Tensor(shape: [7, 5], repeating: 1))
    for i in 0..<x.count {
        #expect(abs(y.scalars[i] - x.scalars[i] * g.scalars[i]) < 1e-6)
    }
}

@Test func dropoutIsTheIdentityAtZeroProbabilityOrInEvaluation() {
    var generator = SeededGenerator(seed: 5)
    let x = Tensor.randomNormal([4, 6], using: &generator)
    #expect(Dropout(probability: 0, seed: 1).forward(x) == x)
    let evaluating = Dropout(probability: 0.9, seed: 1)
    evaluating.isTraining = false
    #expect(evaluating.forward(x) == x)
    #expect(evaluating.backward(x) == x)
}

@Test func dropoutGradientMatchesFiniteDifferencesUnderAFixedMask() {
    var generator = SeededGenerator(seed: 6)
    let x = Tensor.randomNormal([3, 7], using: &generator)
    var layer = Dropout(probability: 0.4, seed: 8)
    // A fresh layer with the same seed per forward keeps the mask fixed across the finite differences.
    let results = GradientCheck.checkLayer(
        input: x, parameters: [],
        forward: { input in
            layer = Dropout(probability: 0.4, seed: 8)
            return layer.forward(input)
        },
        backward: { layer.backward($0) })
    for (label, result) in results { #expect(result.maxRelativeError < 1e-3, "\(label): \(result)") }
}
