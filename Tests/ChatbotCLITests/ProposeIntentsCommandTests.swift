// `chatbot propose-intents` in-process: help snapshot, argument checks, and a run on a tiny
// trained model that writes a draft for the turns it does not know.
import ArgumentParser
import ChatbotCLI
import FileFormats
import Foundation
import Testing

@Test func proposeIntentsHelpMatchesSnapshot() throws {
    let command = try ChatbotCommand.parseAsRoot(["propose-intents", "--transcripts", "t.txt", "--out", "d"])
    try expectSnapshot(ChatbotCommand.helpMessage(for: type(of: command), columns: 100), named: "propose-intents-help.txt")
}

@Test func proposeIntentsChecksItsArguments() {
    #expect(parseErrorMessage(["propose-intents", "--out", "d"]) == "Give at least one transcript file or folder with --transcripts.")
    #expect(parseErrorMessage(["propose-intents", "--transcripts", "t.txt", "--out", "d", "--min-size", "0"]) == "--min-size must be at least 1.")
    #expect(parseErrorMessage(["propose-intents", "--transcripts", "t.txt", "--out", "d", "--clusters", "0"]) == "--clusters must be at least 1.")
    #expect(parseErrorMessage(["propose-intents", "--transcripts", "t.txt", "--out", "d", "--confidence", "1.5"])
        == "--confidence must be between 0 and 1.")
    #expect(parseErrorMessage(["propose-intents", "--transcripts", "a.txt", "b", "--out", "d", "--agent-label", "Support"]) == nil)
}

@Test func proposeIntentsWritesADraftForWhatTheModelDoesNotKnow() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("propose-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let intents = folder.appendingPathComponent("intents")
    try FileManager.default.createDirectory(at: intents, withIntermediateDirectories: true)
    let greeting = ["hello", "hi there", "hey", "good morning", "hello again", "hi friend"]
    let refund = ["I want a refund", "give me my money back", "refund my payment", "can I get a refund", "refund please", "money back now"]
    for (name, examples, reply) in [("greeting", greeting, "Hello! How can I help?"), ("refund", refund, "Your refund is on its way.")] {
        try IntentFileWriter.yaml(name: name, description: name, examples: examples, responses: [reply])
            .write(to: intents.appendingPathComponent("\(name).yaml"), atomically: true, encoding: .utf8)
    }
    let settings = folder.appendingPathComponent("settings.json")
    try #"{"model_width": 32, "layer_count": 1, "head_count": 2, "context_length": 48, "lm_pretraining_epochs": 1, "sparse_buckets": 4096, "batch_size": 8}"#
        .write(to: settings, atomically: true, encoding: .utf8)
    let model = folder.appendingPathComponent("model")
    var train = try ChatbotCommand.parseAsRoot(["train", "--intents", intents.path, "--out", model.path, "--epochs", "2", "--config", settings.path])
    try train.run()
    let log = folder.appendingPathComponent("log.txt")
    let unknown = ["do you ship parcels to norway", "shipping to norway possible?", "can you ship my parcel to norway",
                   "norway shipping parcels", "parcels shipped to norway?"]
    try unknown.map { "Customer: \($0)\nAgent: Yes, we ship to Norway in 5 days.\n" }.joined(separator: "\n").write(to: log, atomically: true, encoding: .utf8)
    let drafts = folder.appendingPathComponent("drafts")
    // Every turn counts as unknown below confidence 1, so the five form one cluster of five.
    var propose = try ChatbotCommand.parseAsRoot(["propose-intents", "--transcripts", log.path, "--model", model.path,
                                                  "--out", drafts.path, "--confidence", "1", "--clusters", "1"])
    try propose.run()
    let files = try FileManager.default.contentsOfDirectory(atPath: drafts.path)
    #expect(files.count == 1)
    let catalog = try IntentCatalog.load(from: drafts)
    let draft = try #require(catalog.intents.first)
    #expect(Set(draft.examples.map(\.text)) == Set(unknown))
    #expect(draft.responses.map(\.text) == ["Yes, we ship to Norway in 5 days."])
    #expect(draft.name.contains("norway") || draft.name.contains("ship") || draft.name.contains("parcels"))
}
