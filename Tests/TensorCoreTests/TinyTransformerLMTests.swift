// The tiny tied-embedding transformer LM: its gradients (tied head included) against finite
// differences, and overfitting four short sequences to near-zero loss with AdamW.
import TensorCore
import TestSupport
import Testing

@Test func tinyLanguageModelGradientsIncludingTheTiedHeadMatchFiniteDifferences() throws {
    let model = TinyTransformerLM(vocabularySize: 6, contextLength: 4, channels: 8, headCount: 2, layerCount: 2, seed: 3)
    let ids = [1, 5, 2, 0, 3, 3], targets = [5, 2, 0, 4, 3, -100]
    // Unit-scale embeddings: with the default std 0.02 a finite-difference step is a large
    // relative change before LayerNorm, and curvature swamps the comparison.
    var generator = SeededGenerator(seed: 4)
    for table in [model.tokenEmbedding.weight, model.positionEmbedding] {
        table.value = Tensor.randomNormal(table.value.shape, using: &generator)
    }
    let loss = CrossEntropy(labelSmoothing: 0.1)
    model.parameters.zeroGradients()
    let (_, gradient) = try loss(logits: model.forward(ids, batch: 2, length: 3), targets: targets)
    model.backward(gradient)
    let value = { Double((try? loss(logits: model.forward(ids, batch: 2, length: 3), targets: targets).loss) ?? .nan) }
    for parameter in model.parameters {
        let result = GradientCheck.check(parameter, epsilon: 5e-3, loss: value)
        #expect(result.maxRelativeError < 2e-2, "\(parameter.name): \(result)")
    }
}

@Test func tinyLanguageModelOverfitsFourSequences() throws {
    let (vocabulary, length, batch) = (16, 8, 4)
    var generator = SeededGenerator(seed: 91)
    let sequences = (0..<batch).map { _ in (0...length).map { _ in generator.nextInt(below: vocabulary) } }
    let inputs = sequences.flatMap { $0.dropLast() }, targets = sequences.flatMap { $0.dropFirst() }
    let model = TinyTransformerLM(vocabularySize: vocabulary, contextLength: length, channels: 32, headCount: 4,
                                  layerCount: 2, seed: 1)
    let optimizer = AdamW(parameters: model.parameters, learningRate: 1e-2, weightDecay: 0)
    var loss = Float.infinity
    for _ in 0..<150 {
        loss = try model.trainStep(inputs: inputs, targets: targets, batch: batch, length: length, optimizer: optimizer)
    }
    #expect(loss < 0.05, "final loss \(loss)")
}

@Test func tinyLanguageModelDecodingMatchesTheFullForward() throws {
    let model = TinyTransformerLM(vocabularySize: 11, contextLength: 6, channels: 12, headCount: 3, layerCount: 2, seed: 9)
    let ids = [3, 1, 4, 1, 5, 9]
    let full = try model.forward(ids, batch: 1, length: 6).scalars
    let caches = model.makeCaches()
    var decoded = try model.decode([3, 1], caches: caches).scalars
    for id in ids.dropFirst(2) { decoded += try model.decode([id], caches: caches).scalars }
    let worst = zip(decoded, full).map { abs($0 - $1) }.max() ?? 1
    #expect(decoded.count == full.count && worst < 1e-5, "worst \(worst)")
    #expect(throws: TensorCoreError.cacheFull(capacity: 6)) { try model.decode([0], caches: caches) }
}
