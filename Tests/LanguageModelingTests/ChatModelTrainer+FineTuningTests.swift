// Fine-tuning a grown model: the sparse n-gram expert learns the new intent inside the
// fine-tuning epochs even when the base fitted it alone (`sparse_epochs` > 0). A frozen expert
// kept the new column at zero and the calibration then distrusted the whole expert (issue 14).
import LanguageModeling
import Testing

@Test func fineTuningTeachesTheSparseExpertTheNewIntent() throws {
    var config = Fixtures.config()
    (config.languageModelPretrainingEpochs, config.crossFitFolds) = (0, 0)
    #expect(config.sparseEpochs > 0, "the base fits its n-gram expert alone, as the default recipe does")
    let old = Fixtures.examples.filter { $0.intent != "greeting" }
    let new = Fixtures.examples.filter { $0.intent == "greeting" }
    let base = try ChatModelTrainer(config: config).train(old).model
    let grown = try base.growing(intents: ["greeting"], examples: new + old)
    config.epochs = 20
    _ = try ChatModelTrainer(config: config).fineTune(grown, training: new + old, calibration: [])

    let column = try #require(grown.labels.index(of: "greeting"))
    let logits = try grown.logits(for: new.map(\.text), expert: "sparse")
    #expect(logits.allSatisfy { $0.intent[column] > 0 }, "the new intent's n-gram column learned something")
    let readAsNew = logits.filter { row in row.intent.indices.max { row.intent[$0] < row.intent[$1] } == column }
    #expect(readAsNew.count == new.count, "\(readAsNew.count) of \(new.count) greetings read as greeting by the n-gram expert")
}

@Test func growingPastTheIntentLimitIsRefusedWithTheLimit() throws {
    var config = Fixtures.config()
    (config.languageModelPretrainingEpochs, config.crossFitFolds, config.epochs) = (0, 0, 1)
    let base = try ChatModelTrainer(config: config).train(Fixtures.examples).model
    let limit = LabelSet.maximumIntentCount
    let added = (0...(limit - base.labels.intents.count)).map { "intent_\($0)" }
    do throws(ChatModelError) {
        _ = try base.growing(intents: added, examples: [])
        Issue.record("the model grew to \(base.labels.intents.count + added.count) intents")
    } catch {
        #expect(error.kind == .invalidTrainingData)
        #expect(error.message.contains("a model learns at most \(limit)"), "\(error.message)")
    }
}
