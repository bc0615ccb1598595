// Tests of ChatModelUnderstanding on a model trained on the tiny domain: it classifies its own
// examples, ranks three intents, hides an untrained sentiment head, and writes a reply that its
// reply gate admits (an under-trained model's replies fall back to templates).
import ConversationStorage
import Dialogue
import FileFormats
import Foundation
import LanguageModeling
import ModelLifecycle
import Testing
import TestSupport

/// A model trained on the tiny domain with `config` (about a second in release).
private func tinyUnderstanding(config: ChatModelConfig = TinyDomain.config) throws -> (ChatModelUnderstanding, TrainingData) {
    let folder = try TestFixtures.folder(TinyDomain.intentFiles)
    defer { try? FileManager.default.removeItem(at: folder) }
    let data = try TrainingData.load(TrainingSources(intents: folder.path))
    let model = try ChatModelTrainer(config: config).train(data.examples).model
    return (ChatModelUnderstanding(model: model, version: "tiny-1"), data)
}

@Test func understandingClassifiesItsOwnExamplesAndGeneratesAReply() throws {
    let (understanding, data) = try tinyUnderstanding()
    #expect(understanding.modelVersion == "tiny-1")
    #expect(!understanding.hasSentiment)
    for example in data.examples {
        let reading = try understanding.analyse(example.text, context: [])
        #expect(reading.intent == example.intent, "\(example.text)")
        #expect(reading.ranked.count == 3)
        #expect(reading.ranked.first?.intent == reading.intent)
        #expect(reading.sentimentProbabilities == nil, "no sentiment data, so no sentiment")
    }
    let context = [ConversationTurn(speaker: .customer, text: "hi"), ConversationTurn(speaker: .agent, text: "Hello! How can I help?")]
    let reading = try understanding.analyse("I want a refund", context: context)
    #expect(reading.intent == "refund")
    #expect(reading.confidence > 0.34)
    #expect(try understanding.generateReply(intent: "refund", text: "I want a refund", context: []) == nil,
            "no held-out replies while training: no reply gate, so templates only")
    try understanding.model.fitReplyGate(heldOut: data.examples, known: data.examples)
    let reply = try #require(try understanding.generateReply(intent: "refund", text: "I want a refund", context: []))
    #expect(["I have started your refund.", "Your refund is on its way."].contains(reply), "\(reply)")
    #expect(try understanding.generateReply(intent: "shipping", text: "I want a refund", context: context)?.isEmpty == false)
    #expect(try understanding.generateReply(intent: "no_such_intent", text: "x", context: []) == nil)
}

@Test func anUnderTrainedModelsRepliesFallBackToTemplatesAndATrainedModelsAreSent() throws {
    let folder = try TestFixtures.folder(TinyDomain.intentFiles)
    defer { try? FileManager.default.removeItem(at: folder) }
    let catalog = try IntentCatalog.load(from: folder)
    let data = try TrainingData.load(TrainingSources(intents: folder.path))
    var sources: [ReplySource] = []
    for epochs in [1, 60] {
        let model = try ChatModelTrainer(config: .tiny(epochs: epochs)).train(data.examples).model
        // Fitted on its own training messages: the trained model reproduces their replies, the
        // under-trained one does not.
        try model.fitReplyGate(heldOut: data.examples, known: data.examples)
        let store = try SQLiteConversationStore(
            path: folder.appendingPathComponent("chat-\(epochs).sqlite").path, policy: StoragePolicy(redactor: .disabled),
            fsyncEveryCommit: false)
        let engine = DialogueEngine(catalog: catalog, understanding: ChatModelUnderstanding(model: model, version: "tiny-\(epochs)"),
                                    store: store)
        let result = engine.respond(to: "I want a refund")
        #expect(result.intent == "refund" || epochs == 1)
        if epochs == 1 { #expect(model.replyGate == nil, "one epoch: the held-out replies are not learnt, generation off") }
        sources.append(result.source)
        if result.source == .generated {
            #expect(["I have started your refund.", "Your refund is on its way."].contains(result.reply), "\(result.reply)")
        }
        try engine.end()
    }
    #expect(sources[0] != .generated, "the under-trained model's reply is refused")
    #expect(sources[1] == .generated, "the trained model's reply is sent")
}

@Test func stutteringShortOrUnfinishedRepliesAreNotWellFormed() {
    #expect(ChatModelUnderstanding.isWellFormed("Your refund is on its way.", finished: true))
    #expect(ChatModelUnderstanding.isWellFormed("Your order {order_id} has been committed to the carrier.", finished: true))
    #expect(!ChatModelUnderstanding.isWellFormed("Your refund is on its way.", finished: false))
    #expect(!ChatModelUnderstanding.isWellFormed("I've've {order_id}.", finished: true))
    #expect(!ChatModelUnderstanding.isWellFormed("I.", finished: true))
    #expect(!ChatModelUnderstanding.isWellFormed("Your order order is on its way.", finished: true))
    #expect(!ChatModelUnderstanding.isWellFormed("I've checked order {order_id}. If the order {order_id}. If the order {order_id}.", finished: true))
    #expect(!ChatModelUnderstanding.isWellFormed("You'll get it as it's it's done.", finished: true))
    #expect(!ChatModelUnderstanding.isWellFormed("A confirmation e-mail, e-mail, and more.", finished: true))
    #expect(ChatModelUnderstanding.isWellFormed(
        "I've sent a reset link to {email}. Open the link in the e-mail within an hour to choose a new password.", finished: true))
    #expect(ChatModelUnderstanding.isWellFormed("We are bringing it and he assesses it today.", finished: true), "spelling is no stutter")
}

@Test func longRepliesMayRepeatShortPhrasesButNotLoop() {
    let long = """
        I understand you want to cancel order {order_number}. Here is how:

        1. Log in to your account on {website_name}.
        2. Open the order history and pick the order you want to cancel.
        3. Press the cancel button next to the order and confirm it.

        If you need help with the order, our support team is there for you during {customer_support_hours} \
        on {customer_support_phone_number}, or in the live chat on {website_name}. We are glad to help you.
        """
    #expect(ChatModelUnderstanding.isWellFormed(long, finished: true), "'the order you', 'to cancel order' said twice in ~80 words")
    let loop = "Log in to your account and open the order history page. " + String(repeating: "Then press cancel next to the order and confirm. ", count: 4)
    #expect(!ChatModelUnderstanding.isWellFormed(loop, finished: true))
}

@Test func earlierTurnsCanOnlyHelpTheReading() throws {
    // Issue 11: "can you cancel it" was cancel_order at 0.998 alone but goodbye after an
    // order-status turn. The message is read alone and after its context; the more confident wins.
    // Calibrated on fold models, the n-gram expert (which reads the message alone) may outweigh
    // the trunk so far that no context moves a confidence; uncalibrated, both experts count.
    var config = TinyDomain.config
    config.crossFitFolds = 0
    let (understanding, data) = try tinyUnderstanding(config: config)
    var aloneWon = 0
    for other in data.examples {
        let context = [ConversationTurn(speaker: .customer, text: other.text), ConversationTurn(speaker: .agent, text: "Hello! How can I help?")]
        let turns = context.map { ConversationTurn(speaker: $0.speaker == .customer ? .customer : .agent, text: $0.text) }
        for example in data.examples where example.intent != other.intent {
            let alone = try understanding.model.predict(example.text, topK: 3)
            let preceded = try understanding.model.predict(example.text, context: turns, topK: 3)
            let best = alone.confidence >= preceded.confidence ? alone : preceded
            let reading = try understanding.analyse(example.text, context: context)
            // Batched with a longer sequence, the sums may round differently: equal to 1e-5.
            #expect(reading.intent == best.intent && abs(reading.confidence - Double(best.confidence)) < 1e-5,
                    "\(other.text) / \(example.text)")
            if alone.confidence > preceded.confidence { aloneWon += 1 }
        }
    }
    #expect(aloneWon > 0, "some context must lower a confidence, or this test shows nothing")
}
