// The safety checks on generated replies, measured against the demo catalog's own templates: a
// template is always well formed and on topic for its intent, and a fluent reply of another
// intent is caught.
import Dialogue
import FileFormats
import Testing

@Test func everyDemoTemplatePassesTheChecksForItsOwnIntent() throws {
    let catalog = try demoCatalog.get()
    let check = ReplyTopicCheck(catalog: catalog)
    for intent in catalog.intents {
        for response in intent.responses {
            #expect(check.offTopic(response.text, intent: intent.name) == nil, "\(intent.name): \(response.text)")
            #expect(ChatModelUnderstanding.isWellFormed(response.text, finished: true), "\(intent.name): \(response.text)")
        }
    }
}

@Test func aReplyOfAnotherIntentIsOffTopic() throws {
    let check = ReplyTopicCheck(catalog: try demoCatalog.get())
    #expect(check.offTopic("I've started a return for order {order_id}. You'll get a prepaid label by e-mail.",
                           intent: "order_status") == "return_item")
    #expect(check.offTopic("Hi, welcome! How can I help you today?", intent: "refund_status") == "greeting")
    #expect(check.offTopic("qqq zzz", intent: "greeting") != nil, "unrelated text is not about any intent")
    #expect(check.offTopic("anything", intent: "no_such_intent") == nil, "an unknown intent is not judged")
}
