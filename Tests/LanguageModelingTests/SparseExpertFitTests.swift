// The sparse n-gram intent expert's own fit: before the trunk trains at all it already reads
// the tiny set's examples and most paraphrases; without the fit (sparse_epochs 0) it stays zero,
// and with a validation split it is left to the epochs.
import LanguageModeling
import Testing

/// Training-set and paraphrase accuracy of the sparse expert's logits alone.
private func sparseAccuracy(_ model: ChatModel) throws -> (training: Int, paraphrases: Int) {
    func correct(_ rows: [(String, String)]) throws -> Int {
        let logits = try model.logits(for: rows.map(\.0), expert: "sparse")
        return zip(logits, rows).filter { row, gold in
            let best = row.intent.indices.max { row.intent[$0] < row.intent[$1] } ?? 0
            return model.labels.intents[best] == gold.1
        }.count
    }
    return (try correct(Fixtures.examples.map { ($0.text, $0.intent ?? "") }), try correct(Fixtures.paraphrases))
}

@Test func theSparseExpertLearnsOnItsOwnBeforeTheTrunkTrains() throws {
    var config = Fixtures.config()
    (config.epochs, config.languageModelPretrainingEpochs, config.crossFitFolds) = (0, 0, 0)
    let model = try ChatModelTrainer(config: config).train(Fixtures.examples).model
    let accuracy = try sparseAccuracy(model)
    #expect(accuracy.training == Fixtures.examples.count)
    // Chance is 4 of 16.
    #expect(accuracy.paraphrases >= 10, "\(accuracy.paraphrases) of 16 paraphrases right")

    config.sparseEpochs = 0
    let unfitted = try ChatModelTrainer(config: config).train(Fixtures.examples).model
    let logits = try unfitted.logits(for: Fixtures.paraphrases.map(\.0), expert: "sparse")
    #expect(logits.allSatisfy { $0.intent.allSatisfy { $0 == 0 } })
}

@Test func withAValidationSplitTheSparseExpertLearnsInsideTheEpochsInstead() throws {
    var config = Fixtures.config()
    (config.epochs, config.languageModelPretrainingEpochs) = (0, 0)
    let validation = Fixtures.paraphrases.map { TrainingExample(text: $0.0, intent: $0.1) }
    let model = try ChatModelTrainer(config: config).train(training: Fixtures.examples, validation: validation).model
    // No epochs ran, so an expert that waits for them has learnt nothing.
    let logits = try model.logits(for: Fixtures.paraphrases.map(\.0), expert: "sparse")
    #expect(logits.allSatisfy { $0.intent.allSatisfy { $0 == 0 } })
}
