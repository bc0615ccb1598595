// Issue 11, part 6: answers to the bot's own slot question, in the wordings customers use, complete
// the waiting request even when the model reads them as another intent ("ok found it, its
// 51736904" read as `thanks`); a message that is a new request for that slot is not an answer.
import Dialogue
import FileFormats
import Foundation
import Testing

/// Asks `intent`'s question for `slot`, then reads `answer` as `readAs` (out of scope when nil).
private func answer(_ answer: String, readAs: String?, after request: String, intent: String) throws -> DialogueDecision {
    let catalog = try demoCatalog.get()
    let policy = DialoguePolicy(catalog: catalog)
    let extractor = EntityExtractor(domain: catalog.domain)
    let today = CalendarDay(Date(), in: .current)
    var state = DialogueState()
    let first = Understanding(intent: intent, confidence: 0.95)
    let asked = policy.decide(text: request, understanding: first, entities: extractor.entities(in: request, today: today),
                              escalation: nil, state: &state) { _ in nil }
    guard case .askSlot = asked.move else {
        Issue.record("\(request) did not ask for a slot: \(asked.move)")
        return asked
    }
    let reading = Understanding(intent: readAs ?? "greeting", confidence: readAs == nil ? 0.2 : 0.9, isOutOfScope: readAs == nil)
    return policy.decide(text: answer, understanding: reading, entities: extractor.entities(in: answer, today: today),
                         escalation: nil, state: &state) { _ in nil }
}

/// Ways customers give an order number after "Could you tell me your order number?".
private let orderNumberAnswers = [
    "ok found it, its 51736904", "the number is 51736904", "it's 51736904", "sure, order number 51736904",
    "yes it is 51736904 thanks", "here you go: 51736904", "order #51736904", "oh sorry, it's 51736904",
    "my order number is 51736904", "ok so the order no. is 51736904", "i think its 51736904",
]

/// Ways customers give an e-mail address after "Which e-mail address…?".
private let emailAnswers = [
    "my email is bob.smith@example.com", "it's bob.smith@example.com", "the e-mail address is bob.smith@example.com",
    "sure, bob.smith@example.com thanks", "ok it is registered under bob.smith@example.com", "email: bob.smith@example.com",
    "i used bob.smith@example.com", "yes that would be bob.smith@example.com",
]

/// Ways customers name a product after "Which product is it about?".
private let productAnswers = [
    "the down jacket", "it's the down jacket", "ok, the down jacket please", "it is about the down jacket",
    "the product is the down jacket", "sorry, the down jacket",
]

@Test(arguments: orderNumberAnswers, ["thanks", "greeting", nil])
func anOrderNumberAnswerCompletesTheWaitingRequest(text: String, readAs: String?) throws {
    let decision = try answer(text, readAs: readAs, after: "where is my order?", intent: "order_status")
    #expect(decision.move == .answer)
    #expect(decision.intent == "order_status")
    #expect(decision.reply.contains("51736904"))
}

@Test(arguments: emailAnswers, ["thanks", "goodbye", nil])
func anEmailAnswerCompletesTheWaitingRequest(text: String, readAs: String?) throws {
    let decision = try answer(text, readAs: readAs, after: "unsubscribe me from the newsletter", intent: "newsletter_unsubscribe")
    #expect(decision.move == .answer)
    #expect(decision.intent == "newsletter_unsubscribe")
    #expect(decision.reply.contains("bob.smith@example.com"))
}

@Test(arguments: productAnswers, ["thanks", "product_availability", nil])
func aProductAnswerCompletesTheWaitingRequest(text: String, readAs: String?) throws {
    let decision = try answer(text, readAs: readAs, after: "do you price match?", intent: "price_match")
    #expect(decision.move == .answer)
    #expect(decision.intent == "price_match")
    #expect(decision.reply.contains("down jacket"))
}

@Test func aNewRequestForTheSameSlotIsNotAnAnswer() throws {
    let decision = try answer("cancel order 51736904", readAs: "cancel_order", after: "where is my order?", intent: "order_status")
    #expect(decision.intent == "cancel_order")
    #expect(decision.reply.contains("51736904"))
}

@Test func aLongerMessageAboutSomethingElseIsNotAnAnswer() throws {
    let text = "forget that, what are your opening hours on saturday for order 51736904 pickup"
    let decision = try answer(text, readAs: "store_hours", after: "where is my order?", intent: "order_status")
    #expect(decision.intent == "store_hours")
}
