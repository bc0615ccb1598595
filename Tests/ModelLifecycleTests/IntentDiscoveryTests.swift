// Tests of IntentDiscovery: which turns count as unknown, the drafts' names, examples, replies
// and redaction, the size filter, and a draft's YAML reading back through IntentCatalog.
import Dialogue
import FileFormats
import Foundation
import LanguageModeling
import ModelLifecycle
import Testing
import TestSupport

/// Knows every text except those containing one of `unknown` (then out of scope, or low confidence for "maybe").
private final class StubUnderstanding: LanguageUnderstanding {
    let unknown: [String]
    init(unknown: [String]) { self.unknown = unknown }
    var modelVersion: String { "stub-1" }
    func analyse(_ text: String, context: [ConversationTurn]) throws -> Understanding {
        if text.contains("maybe") { return Understanding(intent: "order_status", confidence: 0.3) }
        return Understanding(intent: "order_status", confidence: 0.9, isOutOfScope: unknown.contains { text.lowercased().contains($0) })
    }
    func generateReply(intent: String, text: String, context: [ConversationTurn]) throws -> String? { nil }
}

private func conversation(_ id: String, _ customer: String, reply: String? = nil, intent: String? = nil) -> Transcript {
    var turns = [TranscriptTurn(role: .customer, text: customer, intent: intent)]
    if let reply { turns.append(TranscriptTurn(role: .agent, text: reply)) }
    return Transcript(id: id, channel: .chat, started: Date(timeIntervalSince1970: 0), turns: turns, location: SourceLocation(file: "f", line: 1))
}

private let giftCard = ["my gift card balance is wrong", "check gift card balance", "how much is left on my gift card",
                        "gift card balance please", "what is the balance of my gift card", "Gift card balance please"]
private let crypto = ["can i pay with bitcoin 🪙", "do you take bitcoin", "pay in bitcoin please", "bitcoin payment possible?",
                      "bitcoin accepted?", "is bitcoin ok, jana@example.com asked"]

private var transcripts: [Transcript] {
    giftCard.enumerated().map { conversation("g\($0)", $1, reply: $0 < 4 ? "Your balance is shown on the card's page." : "Let me check.") }
        + crypto.enumerated().map { conversation("c\($0)", $1) }
        + [conversation("k1", "where is my order please"), conversation("k2", "48213377"), conversation("k3", "gift card", intent: "gift_card"),
           conversation("m1", "maybe a gift card balance?")]
}

@Test func unknownTurnsAreTheUnlabelledOnesOutOfScopeOrBelowTheConfidence() throws {
    var discovery = IntentDiscovery()
    let stub = StubUnderstanding(unknown: ["gift", "bitcoin"])
    let (read, unknown) = try discovery.unknownTurns(in: transcripts, understanding: stub)
    // The slot answer (one word) and the labelled turn are not read; "maybe …" is known (0.3) without --confidence.
    #expect(read == 14)
    #expect(unknown.count == 12)
    #expect(unknown.first == IntentDiscovery.UnknownTurn(text: giftCard[0], reply: "Your balance is shown on the card's page.", conversation: "g0"))
    discovery.minimumConfidence = 0.5
    #expect(try discovery.unknownTurns(in: transcripts, understanding: stub).unknown.count == 13)
}

@Test func aTurnCarryingOnlyTheBotsReadingIsUnlabelled() throws {
    var predicted = conversation("p1", "gift card balance please", intent: "gift_card")
    predicted.turns[0].intentSource = .predicted
    var confirmed = conversation("p2", "gift card balance now", intent: "gift_card")
    confirmed.turns[0].intentSource = .confirmed
    let labelled = conversation("p3", "gift card balance today", intent: "gift_card")
    let (read, unknown) = try IntentDiscovery().unknownTurns(in: [predicted, confirmed, labelled],
                                                             understanding: StubUnderstanding(unknown: ["gift"]))
    #expect(read == 1)
    #expect(unknown.map(\.conversation) == ["p1"])
}

@Test func sizeableClustersBecomeNamedRedactedDrafts() throws {
    var discovery = IntentDiscovery()
    discovery.takenNames = ["gift_card"]
    let (_, unknown) = try discovery.unknownTurns(in: transcripts, understanding: StubUnderstanding(unknown: ["gift", "bitcoin"]))
    let result = discovery.propose(unknown)
    #expect(result.unknownTurns == 12 && result.textsClustered == 11)  // "Gift card balance please" twice
    #expect(result.drafts.count == 2)
    let gift = try #require(result.drafts.first { $0.topWords.contains("gift") })
    #expect(gift.turnCount == 6 && gift.examples.count == 5)
    #expect(gift.name != "gift_card" && gift.name.allSatisfy { $0.isLowercase || $0 == "_" })
    #expect(gift.replies == ["Your balance is shown on the card's page.", "Let me check."])
    #expect(gift.conversations.count == 6 && Set(gift.conversations) == ["g0", "g1", "g2", "g3", "g4", "g5"])
    let coins = try #require(result.drafts.first { $0.topWords.contains("bitcoin") })
    #expect(coins.examples.contains("is bitcoin ok, [email] asked"))
    #expect(!coins.examples.joined().contains("@"))
    #expect(coins.replies.isEmpty)
    // Nothing is proposed below the minimum size.
    discovery.minimumSize = 7
    #expect(discovery.propose(unknown).drafts.isEmpty)
    #expect(IntentDiscovery().propose([]).drafts.isEmpty)
}

@Test func aDraftsYAMLReadsBackThroughTheIntentsLoader() throws {
    let draft = DraftIntent(name: "gift_balance", topWords: ["gift", "balance"],
                            examples: ["gift card \"balance\" # 2", "été 🎁 balance: ok", "back\\slash", "x"],
                            replies: ["Your balance: see the card's page."], turnCount: 4, conversations: ["g1", "g2"])
    let folder = try TestFixtures.folder(["gift_balance.yaml": draft.yaml(modelVersion: "stub-1")])
    defer { try? FileManager.default.removeItem(at: folder) }
    let catalog = try IntentCatalog.load(from: folder)
    let intent = try #require(catalog.intents.first)
    #expect(intent.name == "gift_balance")
    #expect(intent.examples.map(\.text) == draft.examples)
    #expect(intent.responses.map(\.text) == draft.replies)
    #expect(intent.description.hasPrefix("Draft from 4 customer turns"))
    // Without replies the file says so and the loader asks for responses.
    var silent = draft
    silent.replies = []
    let yaml = silent.yaml(modelVersion: "stub-1")
    #expect(yaml.contains("# No agent replied to these turns: write 2 or 3 responses.") && yaml.contains("responses: []"))
    let other = try TestFixtures.folder(["gift_balance.yaml": yaml])
    defer { try? FileManager.default.removeItem(at: other) }
    let problems = TestFixtures.problems { _ = try IntentCatalog.load(from: other) }
    #expect(problems.contains { $0.message.contains("responses is empty") })
}
