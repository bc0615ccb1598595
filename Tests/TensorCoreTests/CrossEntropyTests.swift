// Cross-entropy: PyTorch's numbers with label smoothing and an ignore index, a hand-computed case,
// gradients against finite differences, and rejected targets.
import Foundation
import TensorCore
import TestSupport
import Testing

@Test func crossEntropyMatchesTorchWithLabelSmoothingAndIgnoreIndex() throws {
    // From scripts/fixtures/cross_entropy_reference.py (F.cross_entropy, label_smoothing 0.1, ignore_index −1).
    let logits = Tensor(shape: [3, 4], scalars: [1, 2, 0.5, -1, 0.3, 0.3, 0.3, 9, -2, 0, 3, 1])
    let (loss, gradient) = try CrossEntropy(labelSmoothing: 0.1, ignoreIndex: -1)(logits: logits, targets: [1, -1, 3])
    let torchGradient: [Float] = [0.099_603_90, -0.157_769_98, 0.055_494_45, 0.002_671_61, 0, 0, 0, 0,
                                  -0.009_673_35, 0.008_386_28, 0.407_012_22, -0.405_725_18]
    #expect(abs(loss - 1.429_098_61) < 1e-5)
    #expect(zip(gradient.scalars, torchGradient).allSatisfy { abs($0 - $1) < 1e-6 }, "\(gradient.scalars)")
}

@Test func crossEntropyMatchesAHandComputedCase() throws {
    // Two classes, logits [0, ln 3]: p = [1/4, 3/4]; target 0, ε = 0.2 → q = [0.9, 0.1].
    let logits = Tensor(shape: [1, 2], scalars: [0, Float(log(3.0))])
    let (loss, gradient) = try CrossEntropy(labelSmoothing: 0.2)(logits: logits, targets: [0])
    let expected = -(0.9 * log(0.25) + 0.1 * log(0.75))
    #expect(abs(Double(loss) - expected) < 1e-6)
    #expect(abs(gradient.scalars[0] - (0.25 - 0.9)) < 1e-6 && abs(gradient.scalars[1] - (0.75 - 0.1)) < 1e-6)
}

@Test func crossEntropyGradientMatchesFiniteDifferences() throws {
    var generator = SeededGenerator(seed: 81)
    for (rows, classes, smoothing) in [(1, 1, Float(0)), (3, 5, 0), (4, 7, 0.1), (5, 16, 0.3)] {
        var logits = Tensor.randomNormal([rows, classes], standardDeviation: 2, using: &generator)
        let targets = (0..<rows).map { $0 == 1 ? -100 : generator.nextInt(below: classes) }
        let loss = CrossEntropy(labelSmoothing: smoothing)
        let (_, gradient) = try loss(logits: logits, targets: targets)
        let result = GradientCheck.check(
            analytic: gradient, label: "logits", epsilon: 1e-2,
            perturb: { logits.scalars[$0] += $1 },
            loss: { Double((try? loss(logits: logits, targets: targets).loss) ?? .nan) })
        #expect(result.maxRelativeError < 1e-2, "\(rows)×\(classes) ε \(smoothing): \(result)")
    }
}

@Test func crossEntropyIsZeroWhenEveryRowIsIgnoredAndRejectsBadTargets() throws {
    let logits = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    let (loss, gradient) = try CrossEntropy()(logits: logits, targets: [-100, -100])
    #expect(loss == 0 && gradient.scalars.allSatisfy { $0 == 0 })
    #expect(throws: TensorCoreError.targetOutOfRange(3, at: 1, limit: 3)) {
        try CrossEntropy()(logits: logits, targets: [0, 3])
    }
    let mismatch = #expect(throws: TensorCoreError.self) { try CrossEntropy()(logits: logits, targets: [0]) }
    #expect(mismatch?.code == .shapeMismatch)
    #expect(mismatch?.path == nil)
    #expect(mismatch?.description.hasPrefix("shape mismatch: ") == true)
}
