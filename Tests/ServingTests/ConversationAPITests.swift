// The API end to end on SQLite and PostgreSQL: the demo's scripted conversation through HTTP
// (slot asked, filled, reused), the transcript, feedback through the engine, a hand-off after
// which messages wait for the agent, and the metrics that count it all.
import ConversationStorage
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import TestSupport

private func checkTheScriptedConversation(_ backend: StoreBackend) async throws {
    guard let fixture = try StoreFixture.make(backend) else { return }
    let harness = try ServingHarness(fixture: fixture)
    try await harness.test { client in
        let chat = try await client.startConversation()
        #expect(UUID(uuidString: chat.id) != nil && chat.token.count == 64)

        let greeting = json(try await client.say("hello there", in: chat))
        #expect(greeting["intent"] as? String == "greeting")
        #expect(greeting["conversation_id"] as? String == chat.id)
        let ask = json(try await client.say("where is my order?", in: chat))
        #expect(ask["move"] as? String == "ask_slot" && ask["intent"] as? String == "order_status")
        let answer = json(try await client.say("it's 48213377", in: chat))
        #expect(answer["move"] as? String == "answer")
        #expect((answer["text"] as? String ?? "").contains("48213377"))
        let cancel = json(try await client.say("please cancel it", in: chat))
        #expect(cancel["intent"] as? String == "cancel_order")
        #expect((cancel["text"] as? String ?? "").contains("48213377"), "the slot came back from the stored state")

        try await client.execute(uri: "/v1/conversations/\(chat.id)/feedback", method: .post,
                                 headers: [.conversationToken: chat.token],
                                 body: ByteBuffer(string: #"{"kind":"intent","value":"order_status"}"#)) { response in
            #expect(response.status == .created)
            #expect(json(response)["kind"] as? String == "corrected_intent")
        }
        try await client.execute(uri: "/v1/conversations/\(chat.id)/feedback", method: .post,
                                 headers: [.conversationToken: chat.token],
                                 body: ByteBuffer(string: #"{"kind":"bad"}"#)) { response in
            #expect(response.status == .created)
        }
        try await client.execute(uri: "/v1/conversations/\(chat.id)/feedback", method: .post,
                                 headers: [.conversationToken: chat.token],
                                 body: ByteBuffer(string: #"{"kind":"intent","value":"no_such_intent"}"#)) { response in
            #expect(response.status == .badRequest)
        }

        let angry = json(try await client.say("This is unacceptable!!! Worst service ever, I am furious", in: chat))
        #expect(angry["handed_off"] as? Bool == true)
        let waiting = try await client.say("hello? anyone?", in: chat)
        #expect(waiting.status == .accepted)
        #expect(json(waiting)["waiting_for_agent"] as? Bool == true)

        try await client.execute(uri: "/v1/conversations/\(chat.id)/messages", method: .get,
                                 headers: [.conversationToken: chat.token]) { response in
            #expect(response.status == .ok)
            let messages = json(response)["messages"] as? [[String: Any]] ?? []
            #expect(messages.count == 11, "five turns of two, and the message for the agent")
            #expect(messages.map { $0["seq"] as? Int } == (1...11).map { $0 })
            #expect(messages.last?["role"] as? String == "customer")
        }
        try await client.execute(uri: "/metrics", method: .get) { response in
            let text = String(buffer: response.body)
            #expect(text.contains("chatbot_turns_total 5"))
            #expect(text.contains("chatbot_handoffs_total 1"))
            #expect(text.contains("chatbot_feedback_total 2"))
            #expect(text.contains("chatbot_turn_latency_seconds_count 5"))
            #expect(text.contains(#"chatbot_model_info{version="#))
        }
    }
    let stored = try harness.store.conversations(since: nil, limit: nil)
    #expect(stored.count == 1 && stored.first?.status == .handedOff)
    #expect(Set(try harness.store.feedback(since: nil).map(\.kind)) == [.correctedIntent, .rating])
}

@Test func theScriptedConversationWorksThroughTheAPIOnSQLite() async throws {
    try await checkTheScriptedConversation(.sqlite)
}

@Suite(.enabled(if: PostgresTestDatabase.isEnabled, "CHATBOT_TEST_DATABASE_URL is unset"))
struct ConversationAPIPostgreSQLTests {
    @Test func theScriptedConversationWorksThroughTheAPIOnPostgreSQL() async throws {
        try await checkTheScriptedConversation(.postgres)
    }
}

@Test func healthAndReadinessAnswer() async throws {
    let harness = try ServingHarness(fixture: try #require(try StoreFixture.make(.sqlite)))
    try await harness.test { client in
        try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
        try await client.execute(uri: "/readyz", method: .get) { response in
            #expect(response.status == .ok)
            #expect(json(response)["status"] as? String == "ready")
        }
        try await client.execute(uri: "/v1/no-such-route", method: .get) { #expect($0.status == .notFound) }
    }
}
