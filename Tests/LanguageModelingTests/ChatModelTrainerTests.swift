// Training on the tiny intents set: it learns its own examples, generalises to paraphrases,
// is reproducible for a seed, and works with the LSTM trunk too; a sentiment-only set trains
// the sentiment head (dense and sparse experts) alone.
import Foundation
import LanguageModeling
import Primitives
import TensorCore
import Testing
import TestSupport

@Test func trainingReachesFullAccuracyOnItsExamplesAndBeatsChanceOnParaphrases() throws {
    let (model, report) = try ChatModelTrainer(config: Fixtures.config()).train(Fixtures.examples)
    #expect(report.trainingAccuracy == 1)
    let predictions = try model.predict(Fixtures.paraphrases.map(\.0))
    let correct = zip(predictions, Fixtures.paraphrases).filter { $0.intent == $1.1 }.count
    // Chance is 4 of 16.
    #expect(correct >= 12, "\(correct) of 16 paraphrases right")
}

@Test func theDenseHeadAloneLearnsTheExamples() throws {
    var config = Fixtures.config()
    config.sparseFeatures = false
    let (model, report) = try ChatModelTrainer(config: config).train(Fixtures.examples)
    #expect(report.trainingAccuracy == 1)
    #expect(!model.usesSparseFeatures)
}

@Test func theSameSeedGivesTheSameLossCurveAndAnotherSeedDoesNot() throws {
    var config = Fixtures.config()
    config.epochs = 3
    config.dropout = 0.1
    let first = try ChatModelTrainer(config: config).train(Fixtures.examples).report
    let second = try ChatModelTrainer(config: config).train(Fixtures.examples).report
    config.seed = 7
    let third = try ChatModelTrainer(config: config).train(Fixtures.examples).report
    #expect(first.epochLosses == second.epochLosses)
    #expect(first.epochLosses != third.epochLosses)
}

@Test func theLSTMTrunkLearnsTheTinySet() throws {
    var config = Fixtures.config(.lstm)
    config.sparseFeatures = false
    let (_, report) = try ChatModelTrainer(config: config).train(Fixtures.examples)
    #expect(report.trainingAccuracy == 1)
}

@Test func progressIsReportedPerStepAndPerEpoch() throws {
    var config = Fixtures.config()
    config.epochs = 2
    nonisolated(unsafe) var reports: [TrainingProgress] = []
    _ = try ChatModelTrainer(config: config).train(Fixtures.examples) { reports.append($0) }
    #expect(reports.filter { $0.isEpochEnd && $0.phase == .training }.map(\.epoch) == [1, 2])
    // Nothing is held out of this tiny set, so two fold models train first for the calibration.
    #expect(reports.filter { $0.isEpochEnd && $0.phase == .crossFitting }.count == 2 * 2)
    #expect(reports.firstIndex { $0.phase == .crossFitting } ?? .max < reports.firstIndex { $0.phase == .training } ?? 0)
    #expect(reports.filter { !$0.isEpochEnd && $0.phase == .training }.count == 2 * 4)
    #expect(reports.filter { $0.phase == .languageModelPretraining }.count == config.languageModelPretrainingEpochs * 4)
    #expect(reports.allSatisfy { $0.loss.isFinite && $0.tokensPerSecond >= 0 })
}

@Test func trainingWithoutExamplesOrWithABadConfigIsRefused() {
    #expect(throws: ChatModelError.self) { try ChatModelTrainer(config: Fixtures.config()).train([]) }
    var config = Fixtures.config()
    config.headCount = 3
    #expect(throws: ChatModelError.self) { try ChatModelTrainer(config: config).train(Fixtures.examples) }
}

@Test func moreIntentsThanAModelLearnsAreRefusedAtOnceWithTheLimit() throws {
    let limit = LabelSet.maximumIntentCount
    let examples = (0...limit).map { TrainingExample(text: "question \($0)", intent: "intent_\($0)") }
    let clock = ContinuousClock.now
    do throws(ChatModelError) {
        _ = try ChatModelTrainer(config: Fixtures.config()).train(examples)
        Issue.record("\(limit + 1) intents were trained")
    } catch {
        #expect(error.kind == .invalidTrainingData)
        #expect(error.message == "\(limit + 1) intents: a model learns at most \(limit) (merge intents, or split the domain between bots)")
    }
    #expect(ContinuousClock.now - clock < .seconds(5), "refused before any training")
}

@Test func theSentimentHeadLearnsLabelledSentimentAndMissingLabelsAreSkipped() throws {
    let moods: [String: SentimentLabel] = ["greeting": .positive, "cancel_order": .negative, "order_status": .neutral]
    var examples = Fixtures.examples.map { example in
        var labelled = example
        labelled.sentiment = moods[example.intent ?? ""]  // opening_hours stays unlabelled
        return labelled
    }
    // Transcript-style pairs: no intent, only a reply for the LM.
    examples.append(TrainingExample(text: "thanks a lot", reply: "You're welcome!"))
    let (model, report) = try ChatModelTrainer(config: Fixtures.config()).train(examples)
    #expect(report.trainingAccuracy == 1)
    let labelled = examples.filter { $0.sentiment != nil }
    let predicted = try model.predict(labelled.map(\.text)).map(\.sentiment)
    #expect(zip(predicted, labelled).filter { $0 == $1.sentiment }.count == labelled.count)
    #expect(model.metrics["sentiment_examples"] == Double(labelled.count))
}

@Test func aSentimentOnlyModelLearnsSentimentAndIsValidatedOnIt() throws {
    var config = Fixtures.config()
    config.epochs = 15
    config.validationFraction = 0.25
    let (model, report) = try ChatModelTrainer(config: config).train(SentimentExamples.all)
    #expect(model.labels.intents.isEmpty)
    #expect(report.validationAccuracies.count == report.epochsRun, "sentiment accuracy is what early stopping watches")
    #expect(report.validationAccuracies.max() == report.validationAccuracies[report.bestEpoch - 1])
    #expect(try #require(report.validationSentimentAccuracy) >= 0.9)
    #expect(model.metrics["sentiment_examples"] == Double(report.trainingExampleCount))
}

@Test func theSparseSentimentExpertAddsToTheDenseHead() throws {
    var config = Fixtures.config()
    config.epochs = 10
    let model = try ChatModelTrainer(config: config).train(SentimentExamples.all).model
    #expect(model.network.parameters.contains { $0.name == "sparse_sentiment.weight" })
    let texts = ["the boots are broken", "the tent is lovely"]
    let dense = try model.logits(for: texts, expert: "dense").map(\.sentiment)
    let sparse = try model.logits(for: texts, expert: "sparse").map(\.sentiment)
    let both = try model.logits(for: texts).map(\.sentiment)
    for row in 0..<2 {
        for k in 0..<3 { #expect(abs(both[row][k] - dense[row][k] - sparse[row][k]) < 1e-4) }
        #expect(sparse[row].contains { abs($0) > 0.1 }, "the sparse expert was trained")
    }
    config.sparseSentiment = false
    let without = try ChatModelTrainer(config: config).train(SentimentExamples.all).model
    #expect(!without.network.parameters.contains { $0.name == "sparse_sentiment.weight" })
}
