// The model's sentiment head as an analyser, the combiner fitted on validation data and saved
// beside the weights, and the engine using the fitted combination for every customer turn.
import ConversationStorage
import Dialogue
import FileFormats
import Foundation
import LanguageModeling
import Primitives
import Sentiment
import Testing
import TestSupport

/// A tiny sentiment-only model and the validation split it did not train on (40 % held out),
/// trained once for the suite below, which runs its tests one at a time (a model is not thread-safe).
nonisolated(unsafe) private let trainedSentimentModel = Result { () throws -> (model: ChatModel, validation: [TrainingExample]) in
    var config = ChatModelConfig.tiny(epochs: 15)
    config.validationFraction = 0.4
    let split = DatasetSplit(SentimentExamples.all, validationFraction: config.validationFraction, seed: config.seed)
    let model = try ChatModelTrainer(config: config).train(training: split.training, validation: split.validation).model
    return (model, split.validation)
}

private func sentimentModel() throws -> (model: ChatModel, validation: [TrainingExample]) {
    try trainedSentimentModel.get()
}

/// The tests that share the trained model.
@Suite(.serialized) struct ModelSentimentHeadTests {
    @Test func theHeadReadsUnseenMessagesAndBatchesAgreeWithSingles() throws {
        let (model, _) = try sentimentModel()
        #expect(ModelSentiment.hasHead(model))
        let head = ModelSentimentAnalyser(model: model)
        let item = SentimentExamples.unseenItem
        let texts = ["the \(item) is terrible", "the \(item) is excellent", "how much is the \(item)"]
        #expect(head.analyse(texts).map(\.label) == [.negative, .positive, .neutral])
        for result in head.analyse(texts) {
            let probabilities = try #require(result.probabilities)
            #expect(abs(probabilities.reduce(0, +) - 1) < 1e-5)
            #expect(abs(result.score - (probabilities[2] - probabilities[0])) < 1e-9)
            #expect(result.drivers.isEmpty)
        }
        let awkward = ["", String(repeating: "awful ", count: 5_000), String(decoding: [0xFF, 0xFE, 0x41], as: UTF8.self), "\u{7}\u{0}\t"]
        let batch = head.analyse(awkward)
        // Padding in a batch changes float rounding only.
        for (together, alone) in zip(batch, awkward.map { head.analyse($0) }) {
            #expect(together.label == alone.label && abs(together.score - alone.score) < 1e-4)
        }
        #expect(batch.allSatisfy { $0.score.isFinite && $0.probabilities?.count == 3 })
        for (text, result) in zip(awkward, batch) where CombinedSentimentAnalyser.isWordless(text) {
            #expect(result.label == .neutral && result.score == 0, "\(text.debugDescription) is neutral for certain")
        }
    }

    @Test func aCombinerIsFittedOnEnoughValidationDataAndSavedBesideTheWeights() throws {
        let (model, validation) = try sentimentModel()
        #expect(validation.count >= ModelSentiment.minimumCombinerExamples)
        let combiner = try #require(try ModelSentiment.fitCombiner(model: model, validation: validation))
        #expect(combiner.featureCount == 6)
        #expect(try ModelSentiment.fitCombiner(model: model, validation: Array(validation.prefix(10))) == nil, "too few to fit")
        let oneClass = validation.filter { $0.sentiment == .negative } + validation.filter { $0.sentiment == .negative }
        #expect(try ModelSentiment.fitCombiner(model: model, validation: oneClass) == nil, "one class only")

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("model-sentiment-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        #expect(try ModelSentiment.combination(in: directory) == .average(), "no file: the average")
        try ModelSentiment.save(combiner, in: directory)
        #expect(try ModelSentiment.combination(in: directory) == .fitted(combiner))
        try ModelSentiment.save(nil, in: directory)
        #expect(try ModelSentiment.combination(in: directory) == .average(), "a model without a combiner removes an old one")
        try Data("{not json".utf8).write(to: directory.appendingPathComponent(ModelSentiment.combinerFileName))
        let error = #expect(throws: FileFormatError.self) { try ModelSentiment.combination(in: directory) }
        #expect(error?.description.contains(ModelSentiment.combinerFileName) == true)
        let narrow = try LogisticCombiner(features: [[0, 1], [1, 0]], labels: [.negative, .positive])
        try ModelSentiment.save(narrow, in: directory)
        let width = #expect(throws: FileFormatError.self) { try ModelSentiment.combination(in: directory) }
        #expect(width?.description.contains("takes 2 features, expected 6") == true)

        let combined = CombinedSentimentAnalyser(head: ModelSentimentAnalyser(model: model), combination: .fitted(combiner))
        let item = SentimentExamples.unseenItem
        #expect(combined.analyse(["the \(item) is useless", "the \(item) is lovely", "where is my \(item)"]).map(\.label)
                == [.negative, .positive, .neutral])
    }
}

@Test func theEngineCombinesEachTurnWithTheFittedCombination() throws {
    // A combiner that learned to follow the head: the lexicon alone would call this message positive.
    let rows = (0..<60).map { index -> ([Double], SentimentLabel) in
        let label = SentimentLabel.allCases[index % 3]
        var head = [0.05, 0.05, 0.05]
        head[label.index] = 0.9
        let lexicon = SentimentResult(label: .positive, score: Double(index % 5) / 5)
        return (SentimentCombination.features(lexicon: lexicon, headProbabilities: head), label)
    }
    let combiner = try LogisticCombiner(features: rows.map(\.0), labels: rows.map(\.1))
    let text = "great, just great, another delay"
    #expect(LexiconSentimentAnalyser().analyse(text).label == .positive)
    let understanding = ScriptedUnderstanding([Understanding(intent: "order_status", confidence: 0.9,
                                                             sentimentProbabilities: [0.9, 0.05, 0.05])])
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("engine-\(UUID().uuidString)/c.sqlite").path
    let store = try SQLiteConversationStore(path: path, fsyncEveryCommit: false)
    let engine = DialogueEngine(catalog: try demoCatalog.get(), understanding: understanding, store: store,
                                sentimentCombination: .fitted(combiner))
    let turn = engine.respond(to: text)
    #expect(turn.sentiment.label == .negative)
    #expect(turn.sentiment.drivers == LexiconSentimentAnalyser().analyse(text).drivers)
    let stored = try store.messages(conversationID: try #require(turn.conversationID as UUID?)).first { $0.role == .customer }
    #expect(stored?.sentimentLabel == "negative")
}
