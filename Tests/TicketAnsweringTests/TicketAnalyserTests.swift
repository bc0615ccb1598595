// Answering one ticket: several requests get several intents and one framed reply; missing
// slots, hand-off intents, unknown requests and anger route it away from `send`.
import Dialogue
import Testing
import TicketAnswering

private func answer(_ body: String, customer: String? = nil, plain: Bool = false) throws -> TicketAnswer {
    let ticket = TicketRequest(id: "T1", body: body, customer: customer, location: TicketLocation(file: "t.csv", line: 2))
    return try #require(try TicketDomain.analyser(plain: plain).answer([ticket]).first)
}

@Test func aTicketWithTwoRequestsGetsBothIntentsInOneReply() throws {
    let result = try answer("I want to return the boots, and also my password reset does not work", customer: "Anna")
    #expect(result.intents == ["return_item", "reset_password"])
    #expect(result.intent == "return_item" && !result.reasons.contains(.lowConfidence) && result.route != .human)
    #expect(result.reply == """
        Dear Anna,

        You can return any item within 30 days.

        Use the 'Forgot password' link to reset it.

        Best wishes,
        The team
        """)
}

@Test func plainRepliesLeaveOutGreetingAndSignOff() throws {
    let result = try answer("I want to return the boots.", plain: true)
    #expect(result.reply == "You can return any item within 30 days.")
    #expect(try answer("I want to return the boots.").reply.hasPrefix("Hello,\n\n"))
}

@Test func aMissingSlotIsAskedForAndRoutedToReview() throws {
    let without = try answer("Where is my order? I ordered last week.")
    #expect(without.route == .review && without.reasons == [.missingSlot])
    #expect(without.reply.contains("Could you tell me your order number?"))
    let with = try answer("Where is my order 48213377?")
    #expect(with.route == .send && with.reply.contains("Order 48213377 is on its way."))
    #expect(with.entities.map(\.kind) == ["order_id"])
}

@Test func handOffIntentsUnknownRequestsAndLowConfidenceAreRouted() throws {
    let complaint = try answer("I want to complain about your service.")
    #expect(complaint.route == .human && complaint.reasons.contains(.handoffIntent))
    let unknown = try answer("What is the weather like on Mars today?")
    #expect(unknown.route == .human && unknown.reasons == [.outOfScope] && unknown.outOfScope)
    #expect(unknown.reply.contains("member of our team") && unknown.intents.isEmpty)
    let unsure = try answer("maybe something about these boots")
    #expect(unsure.route == .review && unsure.reasons == [.lowConfidence])
}

@Test func angryTicketsAreRoutedToAPersonAndPersonalDataIsRedacted() throws {
    let angry = try answer("This is useless and unacceptable!!! Return my money now, write to anna.berg@example.com")
    #expect(angry.sentimentLabel == "negative" && angry.reasons.contains(.negativeSentiment))
    #expect(angry.route == .human)
    #expect(angry.entities.first { $0.kind == "email" }?.value == "{email}")
    #expect(!angry.reply.contains("anna.berg@example.com"))
}

@Test func sentencesAreSplitIntoRequestSizedPieces() {
    #expect(SentenceSplitter.split("Hi. I want to return the boots; my password reset does not work!\nThanks")
        == ["I want to return the boots", "my password reset does not work"])
    #expect(SentenceSplitter.split("") == [] && SentenceSplitter.split("😀") == [])
    #expect(SentenceSplitter.split(String(repeating: "one two three. ", count: 100)).count == 8)
}
