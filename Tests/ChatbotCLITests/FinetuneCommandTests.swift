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
