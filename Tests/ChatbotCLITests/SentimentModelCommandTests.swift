// `chatbot train --sentiment-only` and `chatbot sentiment --model`: a sentiment model trains with
// a fitted combiner saved beside it, the sentiment command picks combined / head / lexicon as the
// flags and the model say, and such a model is refused where intents are needed.
import ArgumentParser
import ChatbotCLI
import Dialogue
import Foundation
import ModelLifecycle
import Primitives
import Sentiment
import Testing
import TestSupport

/// A temporary folder with the synthetic sentiment CSV and tiny settings; 40 % held out so the
/// combiner has more than 30 validation messages.
private func sentimentFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sentiment-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    try SentimentExamples.csv.write(to: url.appendingPathComponent("mood.csv"), atomically: true, encoding: .utf8)
    let settings = #"{"model_width": 32, "layer_count": 1, "head_count": 2, "context_length": 48, "lm_pretraining_epochs": 0, "sparse_buckets": 4096, "batch_size": 8, "validation_fraction": 0.4, "learning_rate": 0.003, "dropout": 0}"#
    try settings.write(to: url.appendingPathComponent("settings.json"), atomically: true, encoding: .utf8)
    return url
}

@Test func aSentimentOnlyModelIsCombinedWithTheLexiconByItsFittedCombiner() throws {
    let folder = try sentimentFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("mood-model")
    var train = try ChatbotCommand.parseAsRoot([
        "train", "--sentiment-only", "--sentiment-data", folder.appendingPathComponent("mood.csv").path,
        "--out", out.path, "--epochs", "15", "--config", folder.appendingPathComponent("settings.json").path])
    try train.run()
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(ModelSentiment.combinerFileName).path))

    let lexicon = LexiconSentimentAnalyser()
    let combined = try SentimentAnalyserChoice.make(model: out.path, lexiconOnly: false, headOnly: false, lexicon: lexicon)
    #expect(combined.name == "lexicon + model mood-model (fitted combiner)")
    #expect(combined.notice == nil)
    let item = SentimentExamples.unseenItem
    let texts = ["the \(item) is awful", "the \(item) is great", "is there a blue \(item)"]
    #expect(combined.analyser.analyse(texts).map(\.label) == [.negative, .positive, .neutral])
    #expect(combined.analyser.analyse(texts[0]).drivers.first?.term == "awful", "drivers come from the lexicon")

    let head = try SentimentAnalyserChoice.make(model: out.path, lexiconOnly: false, headOnly: true, lexicon: lexicon)
    #expect(head.name == "model mood-model (sentiment head alone)")
    #expect(head.analyser.analyse(texts).allSatisfy { $0.drivers.isEmpty && $0.probabilities?.count == 3 })
    #expect(try SentimentAnalyserChoice.make(model: nil, lexiconOnly: true, headOnly: false, lexicon: lexicon).name == "lexicon")

    // The active version is used by default; a registry without one means the lexicon.
    let registry = ModelRegistry(root: folder.appendingPathComponent("models"))
    #expect(try SentimentAnalyserChoice.make(model: nil, lexiconOnly: false, headOnly: false, lexicon: lexicon,
                                             registry: registry).name == "lexicon")
    #expect(throws: CommandFailure.self) {
        try SentimentAnalyserChoice.make(model: nil, lexiconOnly: false, headOnly: true, lexicon: lexicon, registry: registry)
    }
    try FileManager.default.createDirectory(at: registry.root, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: out, to: registry.root.appendingPathComponent("v1"))
    try registry.activate("v1")
    #expect(try SentimentAnalyserChoice.make(model: nil, lexiconOnly: false, headOnly: false, lexicon: lexicon,
                                             registry: registry).name == "lexicon + model v1 (fitted combiner)")

    // It knows no intents, so the commands that need them refuse it by name.
    for arguments in [["generate", "--model", out.path, "hello"],
                      ["evaluate", "--model", out.path, "--data", folder.appendingPathComponent("intents.csv").path]] {
        try "text,intent\nhi,greeting\n".write(to: folder.appendingPathComponent("intents.csv"), atomically: true, encoding: .utf8)
        var command = try ChatbotCommand.parseAsRoot(arguments)
        let refusal = #expect(throws: CommandFailure.self) { try command.run() }
        #expect(refusal?.message.contains("sentiment-only") == true, "\(arguments[0]): \(String(describing: refusal))")
    }
}

@Test func aModelWithoutSentimentLabelsLeavesTheLexiconInCharge() throws {
    let folder = try sentimentFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let rows = ["where is my parcel", "track my package", "parcel location please", "has my box shipped"].map { "\($0),track" }
        + ["cancel my order", "stop the order", "I want to cancel", "cancel it please"].map { "\($0),cancel" }
    try ("text,intent\n" + rows.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("data.csv"),
                                                                       atomically: true, encoding: .utf8)
    let out = folder.appendingPathComponent("intent-model")
    var train = try ChatbotCommand.parseAsRoot(["train", "--data", folder.appendingPathComponent("data.csv").path, "--out", out.path,
                                                "--epochs", "1", "--config", folder.appendingPathComponent("settings.json").path])
    try train.run()
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(ModelSentiment.combinerFileName).path))
    let lexicon = LexiconSentimentAnalyser()
    let choice = try SentimentAnalyserChoice.make(model: out.path, lexiconOnly: false, headOnly: false, lexicon: lexicon)
    #expect(choice.name == "lexicon")
    #expect(choice.notice?.contains("without sentiment labels") == true)
    #expect(throws: CommandFailure.self) {
        try SentimentAnalyserChoice.make(model: out.path, lexiconOnly: false, headOnly: true, lexicon: lexicon)
    }
}

@Test func sentimentOnlyTrainingNeedsItsDataAndAnOutputFolder() {
    #expect(parseErrorMessage(["train", "--sentiment-only", "--out", "m"]) == "--sentiment-only needs --sentiment-data FILE.")
    #expect(parseErrorMessage(["train", "--sentiment-only", "--sentiment-data", "s.csv"])
        == "--sentiment-only needs --out DIR: a sentiment model cannot chat, so it is never made active.")
    #expect(parseErrorMessage(["train", "--sentiment-only", "--sentiment-data", "s.csv", "--out", "m", "--intents", "intents"])
        == "--sentiment-only trains on --sentiment-data alone; drop --intents, --data and --transcripts.")
    #expect((try? ChatbotCommand.parseAsRoot(["train", "--sentiment-only", "--sentiment-data", "s.csv", "--out", "m"])) != nil)
}
