// `chatbot train` and `chatbot generate` in-process on a tiny intents folder: the checkpoint
// loads, a piped chat session runs on it, malformed data fails with file:line, help snapshots.
import ArgumentParser
import ChatbotCLI
import ConversationStorage
import Dialogue
import FileFormats
import Foundation
import LanguageModeling
import ModelLifecycle
import Testing

private let tinyIntents: [String: String] = [
    "greeting.yaml": "name: greeting\ndescription: Hello.\nexamples:\n  - \"hello\"\n  - \"hi there\"\n  - \"hey\"\n  - \"good morning\"\nresponses:\n  - \"Hello! How can I help?\"\n",
    "refund.yaml": "name: refund\ndescription: Money back.\nexamples:\n  - \"I want a refund\"\n  - \"give me my money back\"\n  - \"refund my payment\"\n  - \"can I get a refund\"\nresponses:\n  - \"Your refund is on its way.\"\n",
    "goodbye.yaml": "name: goodbye\ndescription: Bye.\nexamples:\n  - \"bye\"\n  - \"see you\"\n  - \"goodbye now\"\n  - \"that's all, bye\"\nresponses:\n  - \"Goodbye!\"\n",
]

/// A fresh temporary folder holding `files`.
private func folder(_ files: [String: String]) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("train-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    for (name, text) in files { try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8) }
    return url
}

/// Settings small enough for a fast test (the defaults are d=128, 2 layers, 3 LM pre-training epochs).
private let tinySettings = #"{"model_width": 32, "layer_count": 1, "head_count": 2, "context_length": 48, "lm_pretraining_epochs": 1, "sparse_buckets": 4096, "batch_size": 8}"#

@Test func trainWritesALoadableCheckpointThatChatsInPipedMode() throws {
    let intents = try folder(tinyIntents.merging(["settings.json": tinySettings]) { $1 })
    let out = intents.appendingPathComponent("model-out")
    defer { try? FileManager.default.removeItem(at: intents) }
    var command = try ChatbotCommand.parseAsRoot(["train", "--intents", intents.path, "--out", out.path, "--epochs", "2",
                                                   "--config", intents.appendingPathComponent("settings.json").path])
    try command.run()
    let model = try ChatModel.load(from: out)
    #expect(Set(model.labels.intents) == ["greeting", "refund", "goodbye"])
    #expect(model.config.modelWidth == 32, "--config applied")
    #expect(model.config.epochs == 2, "--epochs wins over the defaults")
    #expect(!FileManager.default.fileExists(atPath: "models/ACTIVE") || ModelRegistry().activeModelDirectory() != out,
            "--out does not register the model")

    var generate = try ChatbotCommand.parseAsRoot(["generate", "--model", out.path, "I want a refund"])
    try generate.run()

    let catalog = try IntentCatalog.load(from: intents)
    let understanding = try ChatModelUnderstanding(contentsOf: out)
    #expect(understanding.modelVersion == "model-out")
    let store = try SQLiteConversationStore(path: intents.appendingPathComponent("c.sqlite").path, fsyncEveryCommit: false)
    let engine = DialogueEngine(catalog: catalog, understanding: understanding, store: store)
    final class Lines: @unchecked Sendable { var output: [String] = [] }
    let lines = Lines()
    let session = ChatSession(engine: engine, style: .jsonLines, verbose: false, colour: false,
                              output: { lines.output.append($0) }, notice: { _ in })
    var input = ["hello", "I want a refund"][...]
    session.run(prompt: "") { _ in input.popFirst() }
    #expect(lines.output.count == 2)
    let objects = try lines.output.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    #expect(objects.allSatisfy { $0["model_version"] as? String == "model-out" })
    #expect(objects.allSatisfy { !(($0["text"] as? String) ?? "").isEmpty })
    let conversation = try #require(try store.conversations(since: nil, limit: nil).first)
    #expect(try store.messages(conversationID: conversation.id).count == 4)
}

@Test func labelledDataAloneTrainsAnIntentModelAndSentimentDataEnablesTheSentimentHead() throws {
    let rows = ["where is my parcel", "track my package", "parcel location please", "has my box shipped"].map { "\($0),track" }
        + ["cancel my order", "stop the order", "I want to cancel", "cancel it please"].map { "\($0),cancel" }
    let files = try folder([
        "data.csv": "text,category\n" + rows.joined(separator: "\n") + "\n",
        "mood.csv": "text,sentiment\nthis is great,positive\nawful service,negative\nok then,neutral\nterrible,negative\n",
        "settings.json": tinySettings,
    ])
    defer { try? FileManager.default.removeItem(at: files) }
    let out = files.appendingPathComponent("m")
    var command = try ChatbotCommand.parseAsRoot([
        "train", "--data", files.appendingPathComponent("data.csv").path,
        "--sentiment-data", files.appendingPathComponent("mood.csv").path, "--out", out.path, "--epochs", "2", "--arch", "lstm",
        "--config", files.appendingPathComponent("settings.json").path])
    try command.run()
    let understanding = try ChatModelUnderstanding(contentsOf: out)
    #expect(Set(understanding.model.labels.intents) == ["track", "cancel"])
    #expect(understanding.model.config.architecture == .lstm)
    #expect(understanding.hasSentiment)
    #expect(understanding.model.metrics["reply_examples"] == 0)
    #expect(try understanding.analyse("awful", context: []).sentimentProbabilities?.count == 3)
}

@Test func trainReportsMalformedDataWithFileAndLine() throws {
    let data = try folder(["bad.csv": "text,intent\nhello,greeting\n\"unterminated,greeting\n"])
    defer { try? FileManager.default.removeItem(at: data) }
    var command = try ChatbotCommand.parseAsRoot(["train", "--data", data.appendingPathComponent("bad.csv").path,
                                                  "--out", data.appendingPathComponent("m").path])
    do {
        try command.run()
        Issue.record("training on a malformed CSV succeeded")
    } catch {
        #expect("\(error)".contains("bad.csv:3"), "\(error)")
    }
    #expect(!FileManager.default.fileExists(atPath: data.appendingPathComponent("m").path))
}

@Test func generateOnAFolderWithoutAModelSaysItCannotLoadOne() throws {
    let empty = try folder([:])
    defer { try? FileManager.default.removeItem(at: empty) }
    var command = try ChatbotCommand.parseAsRoot(["generate", "--model", empty.path, "hi"])
    let failure = #expect(throws: CommandFailure.self) { try command.run() }
    #expect(failure?.message == "\(empty.path) is not a model folder: it has no config.json "
            + "(a model folder from `chatbot train` holds config.json, model.safetensors and tokenizer.json)")
}

@Test(arguments: [["train"], ["generate"], ["models"], ["models", "activate"], ["models", "show"], ["models", "rollback"],
                  ["finetune"], ["models", "quantize"]])
func trainAndGenerateHelpMatchSnapshots(path: [String]) throws {
    let needsName = [["generate"], ["models", "activate"], ["models", "show"], ["models", "quantize"]].contains(path)
    let command = try ChatbotCommand.parseAsRoot(path + (needsName ? ["x"] : []) + (path == ["finetune"] ? ["--from-store"] : []))
    try expectSnapshot(ChatbotCommand.helpMessage(for: type(of: command), columns: 100),
                       named: path.joined(separator: "-") + "-help.txt")
}
