// The `replies` suite on a tiny model trained on replies: every figure is there, the answers
// file holds one answer per held-out ticket with its id, and missing files skip the suite;
// without held-out files it measures the chat on an intents folder's examples.
import Benchmarking
import Foundation
import LanguageModeling
import ModelLifecycle
import Testing
import TestSupport

@Test func repliesSuiteScoresTicketAnswersAgainstTheReferences() throws {
    let rows = [("r1", "refund", "I want a refund", "Your refund is on its way via {{Payment Method}}."),
                ("r2", "refund", "give me my money back", "Your refund is on its way via {{Payment Method}}."),
                ("s1", "shipping", "how much is shipping", "Shipping costs {{Shipping Fee}}."),
                ("s2", "shipping", "what does delivery cost", "Shipping costs {{Shipping Fee}}.")]
    let examples = rows.map { TrainingExample(text: $0.2, intent: $0.1, reply: $0.3.replacingOccurrences(of: "{{Payment Method}}", with: "{payment_method}")
        .replacingOccurrences(of: "{{Shipping Fee}}", with: "{shipping_fee}")) }
    let model = try ChatModelTrainer(config: .tiny(epochs: 3)).train(examples + examples).model
    let csv = "id,intent,text,reply\n" + rows.map { "\($0.0),\($0.1),\($0.2),\($0.3)\n" }.joined()
    let folder = try TestFixtures.folder(["train.csv": csv, "heldout.csv": csv])
    defer { try? FileManager.default.removeItem(at: folder) }
    try model.save(to: folder.appendingPathComponent("model"))
    var settings = ReplyBenchmarkSettings()
    settings.trainFile = folder.appendingPathComponent("train.csv").path
    settings.testFile = folder.appendingPathComponent("heldout.csv").path
    settings.answersFile = folder.appendingPathComponent("answers.jsonl").path
    settings.modelDirectory = folder.appendingPathComponent("model").path
    let values = Dictionary(ReplyBenchmark(quick: true, settings: settings).run().map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
    #expect(values["replies.heldout.tickets"] == 4)
    #expect((values["replies.heldout.replies_per_second"] ?? 0) > 0)
    #expect((values["replies.heldout.rouge_l"] ?? 0) > 0, "a generated or template reply shares words with the reference")
    #expect(values["replies.heldout.chrf"] != nil && values["replies.heldout.generated_share"] != nil)
    let answers = try String(contentsOf: folder.appendingPathComponent("answers.jsonl"), encoding: .utf8).split(separator: "\n")
    #expect(answers.count == 4 && answers[0].contains("\"id\":\"r1\""))

    settings.testFile = nil
    settings.intentsDirectory = folder.appendingPathComponent("no-intents")
    #expect(ReplyBenchmark(quick: true, settings: settings).run().isEmpty)
}

@Test func withoutHeldOutFilesTheSuiteCountsGeneratedRepliesInTheDemoChat() throws {
    let root = try TestFixtures.folder([:]), intents = try TestFixtures.folder(TinyDomain.intentFiles)
    defer {
        try? FileManager.default.removeItem(at: root)
        try? FileManager.default.removeItem(at: intents)
    }
    let model = root.appendingPathComponent("model")
    // Held-out examples (two per intent) to fit the reply gate on: without them generation is off.
    var config = TinyDomain.config
    config.validationFraction = 0.34
    config.validationMinimumPerIntent = 0
    _ = try TrainingPipeline(sources: TrainingSources(intents: intents.path), config: config, output: model,
                             registry: ModelRegistry(root: root.appendingPathComponent("models"))).run(progress: Silent())
    var settings = ReplyBenchmarkSettings()
    settings.modelDirectory = model.path
    settings.intentsDirectory = intents
    let values = Dictionary(ReplyBenchmark(quick: false, settings: settings).run().map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
    #expect(values["replies.demo.turns"] == 18)
    let answers = values["replies.demo.answers"] ?? 0
    #expect(answers > 0 && answers <= 18)
    // Generated replies are sent only when the model's reply gate, fitted on the held-out ones, is on.
    let gated = try ChatModel.load(from: model).replyGate != nil
    #expect(((values["replies.demo.generated_share_of_answers"] ?? 0) > 0) == gated)
    #expect((values["replies.demo.generated_share"] ?? 101) <= (values["replies.demo.generated_share_of_answers"] ?? 0))
}

private struct Silent: TrainingProgressReporting {
    func update(_ progress: TrainingProgress) {}
    func finish() {}
}
