// The whole LSTM training path: Embedding → LSTM → Linear to the vocabulary, cross-entropy and
// AdamW, overfitting four short sequences to near-zero loss.
import TensorCore
import Testing

@Test func lstmLanguageModelOverfitsFourSequences() throws {
    let (vocabulary, length, batch, hidden) = (16, 8, 4, 48)
    var generator = SeededGenerator(seed: 17)
    // Distinct first tokens, so that no two sequences share a prefix and zero loss is reachable.
    let sequences = (0..<batch).map { index in [index] + (0..<length).map { _ in generator.nextInt(below: vocabulary) } }
    let inputs = sequences.flatMap { $0.dropLast() }, targets = sequences.flatMap { $0.dropFirst() }

    let embedding = Embedding(count: vocabulary, dimension: hidden, standardDeviation: 0.5, name: "wte.", generator: &generator)
    let lstm = LSTM(inputSize: hidden, hiddenSize: hidden, name: "lstm.", generator: &generator)
    let head = Linear(inputSize: hidden, outputSize: vocabulary, name: "head.", generator: &generator)
    let parameters = embedding.parameters + lstm.parameters + head.parameters
    let optimizer = AdamW(parameters: parameters, learningRate: 2e-2, weightDecay: 0)
    let loss = CrossEntropy()

    var value = Float.infinity
    var firstValue: Float?
    for _ in 0..<200 {
        parameters.zeroGradients()
        let embedded = try embedding.forward(inputs).reshaped([batch, length, hidden])
        let states = lstm.forward(embedded).reshaped([batch * length, hidden])
        let (stepLoss, logitsGradient) = try loss(logits: head.forward(states), targets: targets)
        let statesGradient = head.backward(logitsGradient).reshaped([batch, length, hidden])
        embedding.backward(lstm.backward(statesGradient).reshaped([batch * length, hidden]))
        parameters.clipGradientNorm(maxNorm: 1)
        optimizer.step()
        value = stepLoss
        firstValue = firstValue ?? stepLoss
    }
    #expect((firstValue ?? 0) > 2, "an untrained model should be near ln 16 ≈ 2.77")
    #expect(value < 0.05, "final loss \(value)")
}
