// The offset on new intents' head biases fitted after fine-tuning: an intent whose rows read too
// many messages as theirs is pulled back on held-out data, the bias really moves, and the
// held-out messages are read at least as well as before.
import LanguageModeling
import TensorCore
import Testing

@Test func anOverEagerNewIntentIsPulledBackOnHeldOutData() throws {
    var config = Fixtures.config()
    (config.languageModelPretrainingEpochs, config.crossFitFolds) = (0, 0)
    let model = try ChatModelTrainer(config: config).train(Fixtures.examples).model
    let heldOut = Fixtures.paraphrases.map { TrainingExample(text: $0.0, intent: $0.1) }
    let column = try #require(model.labels.index(of: "greeting"))
    let bias = try #require(model.network.intentHead.bias)
    // As if `greeting` were a new intent whose grown row learnt to expect itself too often.
    var scalars = bias.value.scalars
    scalars[column] += 3
    bias.value = Tensor(shape: bias.value.shape, scalars: scalars)
    try model.calibrate(on: heldOut)
    let eager = bias.value.scalars[column]
    let before = try #require(try ChatModelTrainer.accuracy(of: model, on: heldOut))

    let offset = try model.fitNewIntentOffset(for: ["greeting"], on: heldOut)
    #expect(offset <= -1, "the eager intent is pulled back (offset \(offset))")
    #expect(abs(bias.value.scalars[column] - (eager + offset)) < 1e-5)
    let after = try #require(try ChatModelTrainer.accuracy(of: model, on: heldOut))
    #expect(after >= before, "held-out accuracy \(before) → \(after)")
}

@Test func withoutNewIntentsNothingMoves() throws {
    var config = Fixtures.config()
    (config.languageModelPretrainingEpochs, config.crossFitFolds) = (0, 0)
    let model = try ChatModelTrainer(config: config).train(Fixtures.examples).model
    let heldOut = Fixtures.paraphrases.map { TrainingExample(text: $0.0, intent: $0.1) }
    let biases = model.network.intentHead.bias?.value.scalars
    #expect(try model.fitNewIntentOffset(for: [], on: heldOut) == 0)
    #expect(try model.fitNewIntentOffset(for: ["greeting"], on: []) == 0)
    #expect(model.network.intentHead.bias?.value.scalars == biases)
}
