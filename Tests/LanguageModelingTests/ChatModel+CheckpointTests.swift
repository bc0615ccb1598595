// Checkpoints: save → load gives identical logits and generated text; a checkpoint from before
// the sparse sentiment expert still loads; a tokenizer or config that does not fit the weights
// is refused with a message naming the problem.
import LanguageModeling
import Foundation
import Testing

@Test func saveThenLoadGivesIdenticalLogitsAndReplies() throws {
    let model = try Fixtures.trainedModel()
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try model.save(to: directory)
    let loaded = try ChatModel.load(from: directory)
    let texts = Fixtures.paraphrases.map(\.0)
    let before = try model.logits(for: texts), after = try loaded.logits(for: texts)
    #expect(before.map(\.intent) == after.map(\.intent))
    #expect(before.map(\.sentiment) == after.map(\.sentiment))
    #expect(try model.predict(texts) == loaded.predict(texts))
    var options = GenerationOptions()
    options.intent = "order_status"
    #expect(try model.generate("where is it", options: options) == loaded.generate("where is it", options: options))
    #expect(loaded.labels == model.labels)
    #expect(loaded.calibration == model.calibration)
    #expect(loaded.trainingDataHash == model.trainingDataHash && !model.trainingDataHash.isEmpty)
}

@Test func aCheckpointFromBeforeTheSparseSentimentExpertStillLoads() throws {
    var config = Fixtures.config()
    config.epochs = 5
    config.sparseSentiment = false
    let model = try ChatModelTrainer(config: config).train(Fixtures.examples).model
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try model.save(to: directory)
    // Such a config.json has no sparse_sentiment key at all, so decoding gives the default (on).
    let configURL = directory.appendingPathComponent("config.json")
    let text = try String(contentsOf: configURL, encoding: .utf8)
    let stripped = text.replacingOccurrences(of: #"\s*"sparse_sentiment" : false,"#, with: "", options: .regularExpression)
    #expect(stripped != text)
    try stripped.write(to: configURL, atomically: true, encoding: .utf8)
    let loaded = try ChatModel.load(from: directory)
    #expect(!loaded.config.sparseSentiment)
    let texts = Fixtures.paraphrases.map(\.0)
    #expect(try loaded.logits(for: texts).map(\.sentiment) == model.logits(for: texts).map(\.sentiment))
}

@Test func aTokenizerFromAnotherModelIsRefused() throws {
    let model = try Fixtures.trainedModel()
    var other = Fixtures.examples
    other.append(TrainingExample(text: "do you sell gift cards", intent: "gift_cards"))
    var config = Fixtures.config()
    config.epochs = 1
    let otherModel = try ChatModelTrainer(config: config).train(other).model
    let (first, second) = (Fixtures.temporaryDirectory(), Fixtures.temporaryDirectory())
    defer { for url in [first, second] { try? FileManager.default.removeItem(at: url) } }
    try model.save(to: first)
    try otherModel.save(to: second)
    try FileManager.default.removeItem(at: first.appendingPathComponent("tokenizer.json"))
    try FileManager.default.copyItem(at: second.appendingPathComponent("tokenizer.json"),
                                     to: first.appendingPathComponent("tokenizer.json"))
    let error = #expect(throws: ChatModelError.self) { try ChatModel.load(from: first) }
    #expect(error?.kind == .checkpointMismatch)
    #expect(error?.message.contains("tokens but config.json expects") == true, "\(String(describing: error))")
}

@Test func aConfigThatDoesNotFitTheWeightsIsRefused() throws {
    let model = try Fixtures.trainedModel()
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try model.save(to: directory)
    let configURL = directory.appendingPathComponent("config.json")
    let text = try String(contentsOf: configURL, encoding: .utf8)
    try text.replacingOccurrences(of: "\"model_width\" : 32", with: "\"model_width\" : 64")
        .write(to: configURL, atomically: true, encoding: .utf8)
    let error = #expect(throws: ChatModelError.self) { try ChatModel.load(from: directory) }
    #expect(error?.kind == .checkpointMismatch)
    #expect(error?.message.contains("intent_head.weight") == true, "\(String(describing: error))")
}

@Test func aMissingOrForeignCheckpointIsRefused() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let missing = #expect(throws: ChatModelError.self) { try ChatModel.load(from: directory) }
    #expect(missing?.kind == .unreadableCheckpoint)
    try Data("{\"format\":\"other\"}".utf8).write(to: directory.appendingPathComponent("config.json"))
    let foreign = #expect(throws: ChatModelError.self) { try ChatModel.load(from: directory) }
    #expect(foreign?.kind == .unreadableCheckpoint)
}
