// What a conversation leaves in the database: no card digits, no e-mail address, not in the
// text, the entities, or the bot's replies (issue 11, parts 1, 2 and 5); identifiers the program
// writes (model versions, intent names) stored as written; the shop's own contact details kept.
import Dialogue
import FileFormats
import LanguageModeling
import ConversationStorage
import Foundation
import Testing
import TestSupport

/// The demo's example matcher under a real model's version name (digits a redactor could take
/// for a phone number).
private final class VersionedMatcher: LanguageUnderstanding {
    let base: ExampleMatchingUnderstanding
    let modelVersion = "20261201-074621-transformer"
    init(_ base: ExampleMatchingUnderstanding) { self.base = base }
    func analyse(_ text: String, context: [ConversationTurn]) throws -> Understanding { try base.analyse(text, context: context) }
    func generateReply(intent: String, text: String, context: [ConversationTurn]) throws -> String? {
        try base.generateReply(intent: intent, text: text, context: context)
    }
}

private let card = "4111111111111111"
private let mail = "bob.smith@example.com"

/// Whether `text` holds 12 or more digits of the test card in a row (single spaces or dashes
/// between them allowed).
private func holdsCardDigits(_ text: String) -> Bool {
    var digits = ""
    var previousWasJoiner = false
    for scalar in text.unicodeScalars {
        if ("0"..."9").contains(scalar) {
            digits.unicodeScalars.append(scalar)
            previousWasJoiner = false
        } else if (scalar == " " || scalar == "-"), !previousWasJoiner, !digits.isEmpty {
            previousWasJoiner = true
        } else {
            digits = ""
            previousWasJoiner = false
        }
        if digits.count >= 12, card.contains(digits.suffix(12)) { return true }
    }
    return false
}

@Test func theCardDigitCheckFindsSpacedAndPlainRuns() {
    #expect(holdsCardDigits("x 4111 1111 1111 y") && holdsCardDigits("\"value\":\"411111111111\""))
    #expect(!holdsCardDigits("order 12345678 at 2026-12-01") && !holdsCardDigits("11111111111"))
}

@Test(arguments: StoreBackend.allCases)
func theIssueConversationLeavesNoCardDigitsOrAddressInTheDatabase(_ backend: StoreBackend) throws {
    guard let fixture = try StoreFixture.make(backend) else { return }
    let catalog = try demoCatalog.get()
    let store = try fixture.makeStore(policy: catalog.domain.storagePolicy)
    let engine = DialogueEngine(catalog: catalog, understanding: VersionedMatcher(ExampleMatchingUnderstanding(catalog: catalog)),
                                store: store)
    let lines = ["hello", "my card is 4111 1111 1111 1111 and my mail is \(mail)", "where is my order 12345678?", "thanks, bye"]
    for line in lines { _ = engine.respond(to: line) }
    try engine.end()
    if let spooling = store as? SpoolingConversationStore { #expect(try spooling.flush(timeout: 5)) }

    let dump = try fixture.databaseDump()
    #expect(dump.contains("12345678"), "the dump holds the conversation")
    #expect(!dump.contains(card) && !holdsCardDigits(dump), "no run of 12+ card digits in the \(backend) database")
    #expect(!dump.contains(mail), "no e-mail address in the \(backend) database")

    let messages = try store.messages(since: nil, limit: nil)
    #expect(messages.count == 2 * lines.count)
    #expect(messages.allSatisfy { $0.modelVersion == "20261201-074621-transformer" }, "identifiers are never redacted")
    let cardTurn = try #require(messages.first { $0.text.contains("{card_number}") })
    let entities = try #require(cardTurn.entitiesJSON)
    #expect(entities.contains(#""kind":"card_number""#) && entities.contains(#""value":"{card_number}""#))
    #expect(entities.contains(#""value":"{email}""#) && !entities.contains(#""kind":"phone""#))
}

@Test func botRepliesKeepTheShopsContactDetailsButNotTheCustomersData() throws {
    let folder = try TestFixtures.folder([
        "_entities.yaml": """
            shop:
              name: Ridgeline Outfitters
              email: support@ridgeline.example.com
              phone: "+1 555-0142"
            """,
        "contact.yaml": """
            name: contact
            description: Asks how to reach the shop.
            examples: ["how can I contact you"]
            responses: ["You can also reach us at {shop_email} or {shop_phone}."]
            """,
        "callback.yaml": """
            name: callback
            description: Wants a call back.
            examples: ["call me back"]
            slots: {phone: "Which number?", email: "Which e-mail?"}
            responses: ["I'll call you on {phone} and write to {email}."]
            """,
    ])
    let catalog = try IntentCatalog.load(from: folder)
    let path = folder.appendingPathComponent("chat.sqlite").path
    let store = try SQLiteConversationStore(path: path, policy: catalog.domain.storagePolicy, fsyncEveryCommit: false)
    let understanding = ScriptedUnderstanding([Understanding(intent: "contact", confidence: 0.99),
                                               Understanding(intent: "callback", confidence: 0.99)])
    let engine = DialogueEngine(catalog: catalog, understanding: understanding, store: store)
    let contact = engine.respond(to: "how can I contact you")
    let callback = engine.respond(to: "call me back on (555) 014-2345 or mail \(mail)")
    #expect(contact.reply == "You can also reach us at support@ridgeline.example.com or +1 555-0142.")
    #expect(callback.reply == "I'll call you on 5550142345 and write to \(mail).")

    let stored = try store.messages(conversationID: contact.conversationID).filter { $0.role == .bot }.map(\.text)
    #expect(stored == [contact.reply, "I'll call you on {phone} and write to {email}."])
}
