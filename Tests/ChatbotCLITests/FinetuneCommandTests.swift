// `chatbot finetune` end to end in-process: a piped chat whose /intent corrections are stored,
// `finetune --from-store` on that store, and the corrected phrasing understood afterwards; the
// flags' validation.
import ArgumentParser
import ChatbotCLI
import ConversationStorage
import Dialogue
import FileFormats
import Foundation
import LanguageModeling
import ModelLifecycle
import Testing
import TestSupport

@Test func correctionsStoredInAPipedChatAreLearnedByFinetuneFromStore() throws {
    let root = try TestFixtures.folder([:]), intents = try TestFixtures.folder(TinyDomain.intentFiles)
    defer {
        try? FileManager.default.removeItem(at: root)
        try? FileManager.default.removeItem(at: intents)
    }
    let base = root.appendingPathComponent("base"), candidate = root.appendingPathComponent("candidate")
    let settings = root.appendingPathComponent("tiny.json")
    try JSONEncoder().encode(TinyDomain.configWithoutFewShotRecipe).write(to: settings)
    var train = try ChatbotCommand.parseAsRoot(["train", "--intents", intents.path, "--config", settings.path, "--out", base.path])
    try train.run()
    let heldOut = ["reverse the charge", "undo the charge", "reverse the transaction"]
    let before = try ChatModel.load(from: base).predict(heldOut, topK: 1).map(\.intent)
    #expect(before.filter { $0 != "refund" }.count >= 2, "the base misreads charge reversals: \(before)")

    let database = root.appendingPathComponent("chat.sqlite").path
    let store = try SQLiteConversationStore(path: database, fsyncEveryCommit: false)
    let engine = DialogueEngine(catalog: try IntentCatalog.load(from: intents),
                                understanding: try ChatModelUnderstanding(contentsOf: base), store: store)
    let session = ChatSession(engine: engine, style: .lines, verbose: false, colour: false, output: { _ in }, notice: { _ in })
    let taught = ["undo the transaction", "cancel the charge", "reverse the fee", "the charge was wrong, reverse it",
                  "the transaction must be reversed", "reverse that charge", "undo the debit", "reverse the card charge",
                  "take the charge back", "undo the payment"]
    var input = taught.flatMap { [$0, "/intent refund"] }[...]
    session.run(prompt: "") { _ in input.popFirst() }
    let corrections = try store.feedback(since: nil).filter { $0.kind == .correctedIntent }
    #expect(corrections.count == taught.count, "every /intent is stored")

    var finetune = try ChatbotCommand.parseAsRoot(["finetune", "--from-store", "--database", database, "--base", base.path,
                                                    "--out", candidate.path, "--epochs", "12"])
    try finetune.run()
    let after = try ChatModel.load(from: candidate).predict(heldOut, topK: 1).map(\.intent)
    #expect(after == ["refund", "refund", "refund"], "the corrected phrasing is understood: \(after)")
    #expect(try TrainingRecord.load(from: candidate)?.sources.last?.hasPrefix("store:") == true)
}

@Test func finetuneNeedsASourceAndADateAfterSince() {
    #expect(parseErrorMessage(["finetune"]) == "Give --from-store, --transcripts FILE|DIR, or both.")
    #expect(parseErrorMessage(["finetune", "--transcripts", "a.jsonl", "--since", "2026-01-01"]) == "--since needs --from-store.")
    #expect(parseErrorMessage(["finetune", "--from-store", "--since", "yesterday"])?.hasPrefix("--since yesterday is not a date") == true)
    #expect(parseErrorMessage(["finetune", "--from-store", "--epochs", "0"]) == "--epochs must be positive.")
    #expect(parseErrorMessage(["finetune", "--transcripts", "a.jsonl", "b", "--force", "--tolerance", "1"]) == nil)
}

@Test func unlabelledPlainTextTranscriptsFineTuneTheReplyModel() throws {
    let root = try TestFixtures.folder([:]), intents = try TestFixtures.folder(TinyDomain.intentFiles)
    defer {
        try? FileManager.default.removeItem(at: root)
        try? FileManager.default.removeItem(at: intents)
    }
    let base = root.appendingPathComponent("base"), candidate = root.appendingPathComponent("candidate")
    let settings = root.appendingPathComponent("tiny.json")
    try JSONEncoder().encode(ChatModelConfig.tiny()).write(to: settings)
    var train = try ChatbotCommand.parseAsRoot(["train", "--intents", intents.path, "--config", settings.path, "--out", base.path])
    try train.run()

    // A support desk's log: its own speaker names, no intents, a blank line between conversations.
    let reply = "Yes, we ship to Norway within five days."
    let questions = ["do you ship to norway", "can you send it to norway", "do you deliver to norway", "shipping to norway?",
                     "is norway on your delivery list", "can I order from norway", "will you ship my order to norway",
                     "does delivery to norway work"]
    var log = questions.map { "Client: \($0)\nSupport: \(reply)\n" }
    log.append("Client: where is my refund\nSupport: Please wait a little longer.\nClient: this is useless, absolutely useless\n")
    let path = root.appendingPathComponent("desk.txt")
    try Data(log.joined(separator: "\n").utf8).write(to: path)
    let before = try ChatModel.load(from: base)
    let baseLoss = try questions.map { try before.replyLoss(reply, to: $0) }

    var finetune = try ChatbotCommand.parseAsRoot([
        "finetune", "--transcripts", path.path, "--customer-label", "Client", "--agent-label", "Support",
        "--pseudo-label-threshold", "2", "--base", base.path, "--out", candidate.path, "--epochs", "12",
        "--database", root.appendingPathComponent("store.sqlite").path])
    try finetune.run()

    let record = try #require(try TrainingRecord.load(from: candidate))
    #expect(record.sources.last == "transcripts:\(path.path)")
    let after = try ChatModel.load(from: candidate)
    let tunedLoss = try questions.map { try after.replyLoss(reply, to: $0) }
    let (meanBefore, meanAfter) = (baseLoss.reduce(0, +) / Double(baseLoss.count), tunedLoss.reduce(0, +) / Double(tunedLoss.count))
    #expect(meanAfter < meanBefore * 0.7, "the agents' replies were learned: loss \(meanBefore) → \(meanAfter) nats per token")
    #expect(zip(baseLoss, tunedLoss).allSatisfy { $1 < $0 }, "each reply is likelier after fine-tuning: \(baseLoss) → \(tunedLoss)")
    let review = try String(contentsOf: candidate.appendingPathComponent("review.jsonl"), encoding: .utf8)
    #expect(review.hasPrefix(#"{"conversation": "desk.txt:"#) && review.contains(#""signal": "negative_turn""#),
            "the reply answered with \"useless\" is queued for review: \(review)")
}

@Test func finetuneProposesIntentsFromTranscriptsOrStoredConversations() {
    #expect(parseErrorMessage(["finetune", "--from-store", "--propose-intents", "drafts"]) == nil)
    #expect(parseErrorMessage(["finetune", "--transcripts", "a.txt", "--propose-intents", "drafts", "--customer-label", "Client"]) == nil)
}

@Test func finetuneFromStoreProposesIntentsFromTheTurnsTheModelIsUnsureOf() throws {
    let root = try TestFixtures.folder([:]), intents = try TestFixtures.folder(TinyDomain.intentFiles)
    defer {
        try? FileManager.default.removeItem(at: root)
        try? FileManager.default.removeItem(at: intents)
    }
    let base = root.appendingPathComponent("base"), drafts = root.appendingPathComponent("drafts")
    let settings = root.appendingPathComponent("tiny.json")
    try JSONEncoder().encode(ChatModelConfig.tiny()).write(to: settings)
    var train = try ChatbotCommand.parseAsRoot(["train", "--intents", intents.path, "--config", settings.path, "--out", base.path])
    try train.run()

    // Live conversations: the bot's reading of each customer turn (not a label), a human agent's reply.
    let database = root.appendingPathComponent("chat.sqlite").path
    let store = try SQLiteConversationStore(path: database, fsyncEveryCommit: false)
    let (shipReply, coinReply) = ("Yes, we ship to Norway within five days.", "We only take cards, sorry.")
    let shipping = ["do you ship parcels to norway", "shipping to norway possible?", "can you ship my parcel to norway",
                    "norway shipping for parcels", "parcels shipped to norway?"]
    let bitcoin = ["can i pay with bitcoin", "do you take bitcoin payments", "pay in bitcoin please", "bitcoin payment possible?",
                   "is paying by bitcoin accepted"]
    let corrected = "do you ship parcels to norway, really"
    for text in shipping + bitcoin + [corrected] {
        let conversation = try store.startConversation(Conversation())
        let customer = try store.appendMessage(Message(conversationID: conversation.id, role: .customer, text: text,
                                                       intent: "refund", confidence: 0.35))
        let reply = bitcoin.contains(text) ? coinReply : shipReply
        _ = try store.appendMessage(Message(conversationID: conversation.id, role: .agent, text: reply, replySource: .human))
        if text == corrected {
            _ = try store.recordFeedback(Feedback(messageID: customer.id, kind: .correctedIntent, value: "greeting"))
        }
    }

    // Below confidence 1 every turn the bot only read is unsure; the one a person corrected is labelled.
    var finetune = try ChatbotCommand.parseAsRoot([
        "finetune", "--from-store", "--database", database, "--base", base.path, "--out", root.appendingPathComponent("candidate").path,
        "--propose-intents", drafts.path, "--pseudo-label-threshold", "1", "--epochs", "1"])
    try finetune.run()
    let catalog = try IntentCatalog.load(from: drafts)
    #expect(catalog.intents.count == 2, "two drafts from the stored conversations: \(catalog.intents.map(\.name))")
    let ship = try #require(catalog.intents.first { $0.examples.contains { $0.text == shipping[0] } })
    #expect(Set(ship.examples.map(\.text)) == Set(shipping), "the bot's readings count as unlabelled, the corrected turn does not")
    #expect(ship.responses.map(\.text) == [shipReply], "the agents' replies are the candidate responses")
    let coins = try #require(catalog.intents.first { $0.examples.contains { $0.text == bitcoin[0] } })
    #expect(Set(coins.examples.map(\.text)) == Set(bitcoin))
}
