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
