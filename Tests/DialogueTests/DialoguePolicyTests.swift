// The policy's rules one by one, with hand-made understandings (no model) on the demo intents.
import ConversationStorage
import Dialogue
import FileFormats
import Foundation
import LanguageModeling
import Primitives
import Sentiment
import Testing
import TestSupport

let demoCatalog = Result { try IntentCatalog.load(from: TestFixtures.repositoryRoot.appendingPathComponent("intents")) }

/// Decides `text` read as `intent` (out of scope when nil) with the demo catalog.
private func decide(_ text: String, as intent: String?, confidence: Double = 0.9, state: inout DialogueState,
                    sentiment: SentimentLabel? = nil, escalation: EscalationReason? = nil,
                    generated: String? = nil) throws -> DialogueDecision {
    let catalog = try demoCatalog.get()
    let policy = DialoguePolicy(catalog: catalog)
    let ranked = [IntentGuess(intent: intent ?? "order_status", confidence: confidence),
                  IntentGuess(intent: "track_package", confidence: 0.15), IntentGuess(intent: "delivery_time", confidence: 0.1)]
    let understanding = Understanding(intent: ranked[0].intent, confidence: confidence, ranked: ranked, isOutOfScope: intent == nil)
    let entities = EntityExtractor(domain: catalog.domain).entities(in: text, today: CalendarDay(Date(), in: .current))
    return policy.decide(text: text, understanding: understanding, entities: entities, sentiment: sentiment,
                         escalation: escalation, state: &state) { _ in generated }
}

private func responses(of intent: String) throws -> [String] {
    try #require(try demoCatalog.get().intent(named: intent)).responses.map(\.text)
}

@Test func anUnclearMessageAsksToRephraseWithTheTopGuesses() throws {
    var state = DialogueState()
    let decision = try decide("blorp my thing", as: nil, confidence: 0.2, state: &state)
    #expect(decision.move == .rephrase)
    #expect(decision.suggestions == ["order_status", "track_package", "delivery_time"])
    #expect(decision.reply.contains("order status, track package or delivery time"))
    #expect(decision.source == .fallback)
    #expect(state.consecutiveMisses == 1)
}

@Test func nearUniformGuessesAreNotOffered() throws {
    var state = DialogueState()
    let policy = DialoguePolicy(catalog: try demoCatalog.get())
    let guesses = ["greeting", "thanks", "goodbye"].map { IntentGuess(intent: $0, confidence: 0.04) }
    let understanding = Understanding(intent: "greeting", confidence: 0.04, ranked: guesses, isOutOfScope: true)
    let decision = policy.decide(text: "qwxz", understanding: understanding, entities: [], escalation: nil, state: &state) { _ in nil }
    #expect(decision.suggestions.isEmpty)
    #expect(decision.reply.hasSuffix(" I can help with orders, deliveries, returns, refunds, payments, products and your account."))
}

@Test func theTopicsOfferedComeFromTheIntentsFolder() throws {
    let folder = try TestFixtures.folder(TinyDomain.intentFiles)
    let withoutTopics = try IntentCatalog.load(from: folder)
    #expect(DialoguePolicy.topicList(withoutTopics) == "greeting, refund and shipping")
    try "topics:\n  - refunds\n  - shipping costs\n".write(to: folder.appendingPathComponent("_entities.yaml"),
                                                            atomically: true, encoding: .utf8)
    #expect(DialoguePolicy.topicList(try IntentCatalog.load(from: folder)) == "refunds and shipping costs")
}

@Test func aSecondMissInARowHandsOff() throws {
    var state = DialogueState()
    _ = try decide("blorp", as: nil, state: &state)
    let decision = try decide("blorp again", as: nil, state: &state)
    #expect(decision.move == .handOff(.repeatedMisses))
    #expect(decision.handsOff)
}

@Test func anUnderstoodMessageBetweenMissesResetsTheCount() throws {
    var state = DialogueState()
    _ = try decide("blorp", as: nil, state: &state)
    _ = try decide("hello", as: "greeting", state: &state)
    #expect(state.consecutiveMisses == 0)
    #expect(try decide("blorp again", as: nil, state: &state).move == .rephrase)
}

@Test func askingForAHumanHandsOffWithTheIntentsReply() throws {
    var state = DialogueState()
    let decision = try decide("human please", as: "human_handoff", state: &state)
    #expect(decision.move == .handOff(.requested))
    #expect(decision.source == .template)
    #expect(try responses(of: "human_handoff").contains(decision.reply))
}

@Test func anIntentMarkedHandoffHandsOff() throws {
    var state = DialogueState()
    let decision = try decide("I want to make a formal complaint", as: "complaint", state: &state)
    #expect(decision.move == .handOff(.intentRequiresHuman))
}

@Test func sentimentEscalationApologisesAndHandsOffWhateverTheIntent() throws {
    var state = DialogueState()
    let reason = EscalationReason.strongNegativeTurn(score: -0.9)
    let decision = try decide("where is my order, this is a disgrace", as: "order_status", state: &state, escalation: reason)
    #expect(decision.move == .handOff(.sentiment(reason)))
    #expect(decision.reply.contains("sorry"))
    #expect(decision.reply.contains("support@ridgeline.example.com"))
    #expect(decision.intent == "order_status")
}

@Test func aMissingSlotIsAskedForAndTheIntentWaits() throws {
    var state = DialogueState()
    let decision = try decide("where is my order", as: "order_status", state: &state)
    let question = try #require(try demoCatalog.get().intent(named: "order_status")?.slotQuestions[.orderID])
    #expect(decision.move == .askSlot(.orderID))
    #expect(decision.reply == question)
    #expect(state.pendingIntent == "order_status")
    #expect(state.pendingSlot == .orderID)
}

@Test func theSlotGivenNextAnswersThePendingIntentEvenIfUnclear() throws {
    var state = DialogueState()
    _ = try decide("where is my order", as: "order_status", state: &state)
    let decision = try decide("48213377", as: nil, confidence: 0.1, state: &state)
    #expect(decision.move == .answer)
    #expect(decision.intent == "order_status")
    #expect(decision.reply.contains("48213377"))
    #expect(state.pendingIntent == nil)
    #expect(state.slots[.orderID] == "48213377")
}

@Test func aClearlyDifferentRequestReplacesThePendingIntent() throws {
    var state = DialogueState()
    _ = try decide("where is my order", as: "order_status", state: &state)
    let decision = try decide("actually please cancel order 48213377 right away", as: "cancel_order", state: &state)
    #expect(decision.intent == "cancel_order")
    #expect(decision.reply.contains("48213377"))
}

@Test func itRefersToTheOrderMentionedEarlier() throws {
    var state = DialogueState()
    _ = try decide("where is order 48213377", as: "order_status", state: &state)
    let decision = try decide("ok then cancel it", as: "cancel_order", state: &state)
    #expect(decision.move == .answer)
    #expect(decision.reply.contains("48213377"))
}

@Test func withoutAReferenceAnEarlierOrderIsNotAssumed() throws {
    var state = DialogueState()
    _ = try decide("where is order 48213377", as: "order_status", state: &state)
    #expect(try decide("I want to cancel my order", as: "cancel_order", state: &state).move == .askSlot(.orderID))
}

@Test func aGoodGeneratedReplyIsUsedWithSlotsFilled() throws {
    var state = DialogueState()
    let decision = try decide("status of 48213377?", as: "order_status", state: &state,
                              generated: "Order {order_id} ships tomorrow. Questions? {shop_email}")
    #expect(decision.source == .generated)
    #expect(decision.reply == "Order 48213377 ships tomorrow. Questions? support@ridgeline.example.com")
}

@Test(arguments: ["Order {colour} ships", "   ", "Sent to {email}", "Order {order_id} has been picked and will be"])
func aFailingGeneratedReplyFallsBackToTheTemplate(generated: String) throws {
    var state = DialogueState()
    let decision = try decide("status of 48213377?", as: "order_status", state: &state, generated: generated)
    #expect(decision.source == .template)
    #expect(decision.rejectedGeneration != nil)
    #expect(try responses(of: "order_status").map { $0.replacingOccurrences(of: "{order_id}", with: "48213377") }
        .contains(decision.reply))
}

@Test func aGeneratedRepeatOfTheLastReplyFallsBackToTheTemplate() throws {
    var state = DialogueState()
    state.remember(ConversationTurn(speaker: .agent, text: "Hello! How can I help?"))
    let decision = try decide("hi", as: "greeting", state: &state, generated: "hello!  how can I help?")
    #expect(decision.source == .template)
    #expect(decision.rejectedGeneration == "repeats the last reply")
}

@Test func templateRepliesRotateThroughTheResponses() throws {
    var state = DialogueState()
    let first = try decide("hi", as: "greeting", state: &state)
    state.remember(ConversationTurn(speaker: .agent, text: first.reply))
    let second = try decide("hello", as: "greeting", state: &state)
    #expect(try responses(of: "greeting").count > 1)
    #expect(first.reply != second.reply)
}

@Test func negativeThanksIsAnsweredAsAComplaint() throws {
    var state = DialogueState()
    let sarcastic = try decide("thanks for nothing", as: "thanks", state: &state, sentiment: .negative)
    #expect(sarcastic.intent == "complaint")
    #expect(sarcastic.move == .handOff(.intentRequiresHuman))
    #expect(try responses(of: "complaint").contains(sarcastic.reply))
    var fresh = DialogueState()
    let grateful = try decide("thanks a lot", as: "thanks", state: &fresh, sentiment: .positive)
    #expect(grateful.intent == "thanks" && grateful.move == .answer)
    let negativeQuestion = try decide("where is my order, it is late", as: "order_status", state: &fresh, sentiment: .negative)
    #expect(negativeQuestion.intent == "order_status", "only intents with when_negative are redirected")
}

@Test func anUnsureHandoffIntentIsAMissNotAHandoff() throws {
    var state = DialogueState()
    let unsure = try decide("blorp wibble", as: "complaint", confidence: 0.38, state: &state)
    #expect(unsure.move == .rephrase)
    #expect(unsure.intent == nil)
    #expect(state.consecutiveMisses == 1)
    let again = try decide("frobnicate the zorg", as: "human_handoff", confidence: 0.3, state: &state)
    #expect(again.move == .handOff(.repeatedMisses))
    #expect(again.intent == nil)
    var fresh = DialogueState()
    let negativeGuess = try decide("frobnicate the zorg", as: "thanks", confidence: 0.43, state: &fresh, sentiment: .negative)
    #expect(negativeGuess.move == .rephrase, "an unsure negative thanks is not a complaint either")
}
