// `chatbot evaluate` end to end on a tiny model trained in the test: JSON agrees with the
// model's own predictions, out-of-scope rows are counted, the HTML report is written.
import ArgumentParser
import ChatbotCLI
import Foundation
import LanguageModeling
import ModelLifecycle
import Testing
import TestSupport

private let intents: [(name: String, texts: [String])] = [
    ("order_status", ["where is my order", "has my order shipped yet", "track my package please",
                      "when will my parcel arrive", "what is the status of my order", "my order has not arrived"]),
    ("cancel_order", ["cancel my order", "i want to cancel my purchase", "please cancel the order i made",
                      "stop my order from being sent", "how do i cancel an order", "cancel order right now"]),
    ("greeting", ["hello", "hi there", "good morning", "hey", "hello, anyone there?", "good evening"]),
]

/// A tiny model (d=32, one layer, a few epochs) saved to `folder`.
private func trainTinyModel(in folder: URL) throws -> URL {
    let examples = intents.flatMap { intent in intent.texts.map { TrainingExample(text: $0, intent: intent.name) } }
    let model = try ChatModelTrainer(config: .tiny(epochs: 3)).train(examples).model
    let url = folder.appendingPathComponent("model")
    try model.save(to: url)
    return url
}

@Test func evaluateScoresATinyModelAndWritesTheReport() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chatbot-eval-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let modelURL = try trainTinyModel(in: folder)
    let rows = [("where is my parcel", "order_status"), ("cancel the purchase please", "cancel_order"),
                ("hello there", "greeting"), ("track my order", "order_status"),
                ("what is the weather on mars", "oos"), ("sing me a song", "oos")]
    let csv = folder.appendingPathComponent("test.csv"), html = folder.appendingPathComponent("report.html")
    try Data(("text,intent\n" + rows.map { "\"\($0.0)\",\($0.1)\n" }.joined()).utf8).write(to: csv)

    let parsed = try ChatbotCommand.parseAsRoot(["evaluate", "--model", modelURL.path, "--data", csv.path,
                                                 "--report", html.path, "--json"])
    let command = try #require(parsed as? EvaluateCommand)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(command.evaluate().utf8)) as? [String: Any])

    // The figures must agree with the model's own answers on the same rows.
    let predictions = try ChatModel.load(from: modelURL).predict(rows.map(\.0))
    let right = zip(rows, predictions).filter { row, prediction in
        row.1 == "oos" ? prediction.isOutOfScope : (!prediction.isOutOfScope && prediction.intent == row.1)
    }.count
    let flagged = zip(rows, predictions).filter { $0.1 == "oos" && $1.isOutOfScope }.count
    #expect(object["n"] as? Int == 6)
    #expect(object["accuracy"] as? Double == Double(right) / 6)
    #expect(object["oos_recall"] as? Double == Double(flagged) / 2)
    #expect(object["oos_count"] as? Int == 2)
    #expect(object["macro_f1"] is Double && object["per_intent"] is [String: Any])

    let page = try String(contentsOf: html, encoding: .utf8)
    #expect(page.contains("<svg ") && page.contains("order_status") && page.contains("Evaluation of model on test.csv"))

    let summary = try #require(try ChatbotCommand.parseAsRoot(["evaluate", "--model", modelURL.path, "--data", csv.path])
        as? EvaluateCommand).evaluate()
    #expect(summary.contains("accuracy:") && summary.contains("out-of-scope recall:"))
    #expect(!summary.contains("reply ROUGE-L"), "data without replies reports no reply figures")

    // With a reply column, the rows that have a reply are also scored on generated replies.
    let withReplies = folder.appendingPathComponent("replies.csv")
    try Data("text,intent,reply\nwhere is my parcel,order_status,\"It ships from {{Warehouse Name}} today.\"\nhello there,greeting,\n"
        .utf8).write(to: withReplies)
    let replyCommand = try #require(try ChatbotCommand.parseAsRoot(["evaluate", "--model", modelURL.path, "--data", withReplies.path,
                                                                    "--report", html.path, "--json"]) as? EvaluateCommand)
    let replyObject = try #require(try JSONSerialization.jsonObject(with: Data(replyCommand.evaluate().utf8)) as? [String: Any])
    let replies = try #require(replyObject["replies"] as? [String: Any])
    #expect(replies["n"] as? Int == 1 && replies["rouge_l"] is Double && replies["chrf"] is Double)
    #expect(try String(contentsOf: html, encoding: .utf8).contains("It ships from {warehouse_name} today."))
}

@Test func withoutModelFlagTheActiveVersionIsUsedAndAnEmptyRegistryGivesNone() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("evaluate-registry-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let registry = ModelRegistry(root: root)
    #expect(ModelLocation.directory(model: nil, registry: registry) == nil)
    #expect(ModelLocation.directory(model: "/some/model", registry: registry)?.path == "/some/model")
    try "v1\n".write(to: root.appendingPathComponent(ModelRegistry.activeFileName), atomically: true, encoding: .utf8)
    let version = root.appendingPathComponent("v1")
    try FileManager.default.createDirectory(at: version, withIntermediateDirectories: true)
    for file in ["config.json", "model.safetensors", "tokenizer.json"] {
        try Data().write(to: version.appendingPathComponent(file))
    }
    #expect(ModelLocation.directory(model: nil, registry: registry)?.lastPathComponent == "v1")
}

@Test func evaluateNamesAMissingModelFolder() throws {
    let command = try #require(try ChatbotCommand.parseAsRoot(["evaluate", "--model", "/no/such/model", "--data", "t.csv"])
        as? EvaluateCommand)
    do {
        _ = try command.evaluate()
        Issue.record("a missing model folder was accepted")
    } catch {
        #expect(ChatbotCommand.fullMessage(for: error).hasPrefix("Error: no model folder at /no/such/model"))
    }
}

@Test func evaluateNeedsData() {
    #expect(parseErrorMessage(["evaluate", "--model", "m"]) == "Missing expected argument '--data <F.csv>'")
}

@Test func evaluateHelpMatchesSnapshot() throws {
    let command = try ChatbotCommand.parseAsRoot(["evaluate", "--data", "t.csv"])
    try expectSnapshot(ChatbotCommand.helpMessage(for: type(of: command), columns: 100), named: "evaluate-help.txt")
}

@Test func chatAndEvaluateWordAMissingOrEmptyModelFolderAlike() throws {
    let empty = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-model-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: empty) }
    for (folder, expected) in [("/no/such/model", "no model folder at /no/such/model: it does not exist"),
                               (empty.path, "\(empty.path) is not a model folder: it has no config.json")] {
        let chat = #expect(throws: CommandFailure.self) { try ModelLocation.load(URL(fileURLWithPath: folder)) }
        let command = try #require(try ChatbotCommand.parseAsRoot(["evaluate", "--model", folder, "--data", "t.csv"]) as? EvaluateCommand)
        let evaluate = #expect(throws: CommandFailure.self) { try command.evaluate() }
        #expect(chat?.message.hasPrefix(expected) == true, "chat: \(chat?.message ?? "")")
        #expect(evaluate?.message == chat?.message, "one wording for chat and evaluate")
        #expect(chat?.message.contains("unreadableCheckpoint") == false)
    }
}

@Test func aFolderTrainedWithAnEncoderIsScoredByTheEncoderHeads() throws {
    let folder = try TestFixtures.folder([:]), intentsFolder = try TestFixtures.folder(TinyDomain.intentFiles)
    defer {
        try? FileManager.default.removeItem(at: folder)
        try? FileManager.default.removeItem(at: intentsFolder)
    }
    // A chat model that learnt nothing (no epochs, no n-gram fit) beside encoder heads that did.
    var config = TinyDomain.configWithoutFewShotRecipe
    config.epochs = 0
    let modelURL = folder.appendingPathComponent("model")
    var pipeline = TrainingPipeline(sources: TrainingSources(intents: intentsFolder.path), config: config, output: modelURL)
    pipeline.encoder = ReferenceEncoder.tiny
    _ = try pipeline.run(progress: SilentTraining())
    let rows = [("I want a refund", "refund"), ("how much is shipping", "shipping"), ("hello", "greeting"),
                ("please refund me", "refund"), ("is delivery free", "shipping"), ("hiya", "greeting")]
    let csv = folder.appendingPathComponent("test.csv")
    try Data(("text,intent\n" + rows.map { "\"\($0.0)\",\($0.1)\n" }.joined()).utf8).write(to: csv)

    func right(_ predictions: [IntentPrediction]) -> Int {
        zip(rows, predictions).filter { !$1.isOutOfScope && $1.intent == $0.1 }.count
    }
    let encoderRight = right(try #require(try EncoderClassifier.load(from: modelURL)).predict(rows.map(\.0), topK: 1))
    let chatModelRight = right(try ChatModel.load(from: modelURL).predict(rows.map(\.0), topK: 1))
    #expect(encoderRight != chatModelRight, "the two readers must differ for this test to tell them apart")
    let command = try #require(try ChatbotCommand.parseAsRoot(["evaluate", "--model", modelURL.path, "--data", csv.path, "--json"])
        as? EvaluateCommand)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(command.evaluate().utf8)) as? [String: Any])
    #expect(object["accuracy"] as? Double == Double(encoderRight) / Double(rows.count))
}

private struct SilentTraining: TrainingProgressReporting {
    func update(_ progress: TrainingProgress) {}
    func finish() {}
}
