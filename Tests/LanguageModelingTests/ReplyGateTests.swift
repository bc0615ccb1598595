// The reply gate: fitted on held-out replies, it turns generation off for an under-trained model
// (its replies are nonsense) and lets a model trained to reproduce its replies through; the
// threshold keeps precision among the replies it admits; the checkpoint keeps the gate.
import Foundation
import LanguageModeling
import Testing

/// The unseen paraphrases, each with its intent's first reply as the reference.
private var heldOut: [TrainingExample] {
    Fixtures.paraphrases.map { text, intent in
        TrainingExample(text: text, intent: intent, reply: Fixtures.intents.first { $0.name == intent }?.replies.first)
    }
}

@Test func anUnderTrainedModelGetsNoGateSoItsRepliesAreNeverSent() throws {
    var config = Fixtures.config()
    config.epochs = 1
    let model = try ChatModelTrainer(config: config).train(Fixtures.examples).model
    let samples = try model.fitReplyGate(heldOut: heldOut, known: Fixtures.examples)
    #expect(samples.count == heldOut.count)
    #expect(samples.filter(\.isGood).count * 5 < samples.count, "one epoch has not learnt the replies")
    #expect(model.replyGate == nil)
    #expect(model.metrics["reply_gate_samples"] == Double(heldOut.count))
}

@Test func aModelTrainedToReproduceItsRepliesIsAdmitted() throws {
    let model = try Fixtures.trainedModel()
    #expect(model.replyGate == nil, "no held-out replies while training: no gate")
    // Fitted on the messages it trained on, whose replies it reproduces (on the unseen
    // paraphrases this tiny model's replies do not pass at a useful rate).
    try model.fitReplyGate(heldOut: Fixtures.examples, known: Fixtures.examples)
    let gate = try #require(model.replyGate)
    #expect(gate.heldOutPassRate >= 0.5)
    var admitted = 0, exact = 0
    for example in Fixtures.examples {
        var options = GenerationOptions.replies(contextLength: model.config.contextLength)
        options.intent = example.intent
        let reply = try model.generate(example.text, options: options)
        #expect(reply.meanLogProbability <= 0)
        guard gate.admits(reply) else { continue }
        admitted += 1
        let replies = Fixtures.intents.first { $0.name == example.intent }?.replies ?? []
        if replies.contains(reply.text) { exact += 1 }
    }
    #expect(Double(admitted) >= 0.5 * Double(Fixtures.examples.count))
    #expect(Double(exact) >= 0.8 * Double(admitted), "what the gate admits is mostly word for word what the agents wrote")

    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try model.save(to: directory)
    #expect(try ChatModel.load(from: directory).replyGate == gate)
}

@Test func trainingWithHeldOutRepliesFitsTheGate() throws {
    var config = Fixtures.config()
    config.validationFraction = 0.25
    config.validationMinimumPerIntent = 0
    let model = try ChatModelTrainer(config: config).train(Fixtures.examples).model
    #expect(try #require(model.metrics["reply_gate_samples"]) >= 4, "held-out examples of every intent")
    #expect(model.replyGate != nil)
}

@Test func theThresholdIsTheLowestThatKeepsNineInTenGood() throws {
    let samples = [(-0.1, true), (-0.2, true), (-0.3, true), (-0.4, true), (-0.5, true), (-0.6, true),
                   (-0.7, true), (-0.8, true), (-0.9, true), (-1.0, false), (-1.1, false), (-2.0, true), (-3.0, false)]
        .map { ReplyGate.Sample(confidence: $0.0, isGood: $0.1) }
    let gate = try #require(ReplyGate.fitted(to: samples))
    #expect(gate.minimumConfidence == -1.0, "10 admitted, 9 good; at -1.1 only 9 of 11")
    #expect(abs(gate.heldOutPassRate - 10.0 / 13.0) < 1e-12)
    #expect(ReplyGate.fitted(to: samples.map { ReplyGate.Sample(confidence: $0.confidence, isGood: false) }) == nil)
    #expect(ReplyGate.fitted(to: []) == nil)
    let few = [ReplyGate.Sample(confidence: -0.1, isGood: true)] + (0..<9).map { _ in ReplyGate.Sample(confidence: -0.2, isGood: false) }
    #expect(ReplyGate.fitted(to: few) == nil, "1 of 10 admitted is below the useful rate")
}

@Test func tiesInConfidencePassOrFailTogether() throws {
    let samples = [ReplyGate.Sample(confidence: -0.5, isGood: true), ReplyGate.Sample(confidence: -0.5, isGood: false),
                   ReplyGate.Sample(confidence: -0.9, isGood: true)]
    #expect(ReplyGate.fitted(to: samples) == nil, "the tie at -0.5 is half good, and so is everything above -0.9")
}

@Test func anUnfinishedReplyIsNeverAdmitted() {
    let gate = ReplyGate(minimumConfidence: -1, heldOutPassRate: 1)
    let reply = GeneratedReply(text: "Your order", intent: "x", tokenIDs: [1, 2], finished: false, meanLogProbability: -0.01)
    #expect(!gate.admits(reply))
    var finished = reply
    finished.finished = true
    #expect(gate.admits(finished))
    finished.meanLogProbability = -1.5
    #expect(!gate.admits(finished))
}

@Test func similarityIsTheF1OfTheLongestCommonSubsequence() {
    #expect(ReplyGate.similarity([1, 2, 3, 4], [1, 2, 3, 4]) == 1)
    #expect(ReplyGate.similarity([1, 2, 3, 4], [5, 6]) == 0)
    #expect(ReplyGate.similarity([1, 2, 3, 4], [1, 9, 3]) == 2.0 * 2 / 7)
    #expect(ReplyGate.similarity([], []) == 1)
    #expect(ReplyGate.similarity([], [1]) == 0)
}
