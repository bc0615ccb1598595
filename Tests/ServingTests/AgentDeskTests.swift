// The hand-off made real: a conversation the bot handed off appears in the agent's inbox with its
// transcript and mood; the agent takes it, replies (an agent turn the customer's transcript
// shows) and closes it; the review list shows the feedback. All behind the API key.
import ConversationStorage
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import TestSupport

@Test func anAgentTakesRepliesToAndClosesAHandedOffConversation() async throws {
    let harness = try ServingHarness(fixture: try #require(try StoreFixture.make(.sqlite)))
    let key: HTTPFields = [.authorization: "Bearer team-secret-key"]
    try await harness.test { client in
        let chat = try await client.startConversation()
        _ = try await client.say("where is my order?", in: chat)
        try await client.execute(uri: "/v1/conversations/\(chat.id)/feedback", method: .post,
                                 headers: [.conversationToken: chat.token], body: ByteBuffer(string: #"{"kind":"bad"}"#)) {
            #expect($0.status == .created)
        }
        let angry = json(try await client.say("This is unacceptable!!! Worst service ever, I am furious", in: chat))
        #expect(angry["handed_off"] as? Bool == true)

        try await client.execute(uri: "/v1/agent/conversations", method: .get) { #expect($0.status == .unauthorized) }
        try await client.execute(uri: "/v1/agent/conversations", method: .get, headers: key) { response in
            let entries = json(response)["conversations"] as? [[String: Any]] ?? []
            #expect(entries.count == 1)
            #expect(((entries.first?["conversation"] as? [String: Any])?["id"] as? String)?.lowercased() == chat.id)
            #expect((entries.first?["messages"] as? [Any])?.count == 4)
            #expect((entries.first?["mood"] as? Double ?? 0) < 0, "an angry customer's mood is negative")
        }
        let base = "/v1/agent/conversations/\(chat.id)"
        try await client.execute(uri: base + "/take", method: .post, headers: key, body: ByteBuffer(string: #"{"agent":"Sam"}"#)) {
            #expect($0.status == .noContent)
        }
        try await client.execute(uri: base + "/reply", method: .post, headers: key,
                                 body: ByteBuffer(string: #"{"text":"Hi, I am Sam. Sorry about this, let me look."}"#)) { response in
            #expect(response.status == .created)
            #expect(json(response)["role"] as? String == "agent")
        }
        try await client.execute(uri: "/v1/conversations/\(chat.id)/messages", method: .get,
                                 headers: [.conversationToken: chat.token]) { response in
            let body = json(response)
            let messages = body["messages"] as? [[String: Any]] ?? []
            #expect(messages.last?["role"] as? String == "agent")
            #expect(messages.last?["reply_source"] as? String == "human")
            #expect(body["status"] as? String == "handed_off")
        }
        try await client.execute(uri: "/v1/review", method: .get, headers: key) { response in
            let entries = json(response)["feedback"] as? [[String: Any]] ?? []
            #expect(entries.count == 1)
            #expect((entries.first?["feedback"] as? [String: Any])?["value"] as? String == "down")
        }
        try await client.execute(uri: base + "/close", method: .post, headers: key) { #expect($0.status == .noContent) }
        try await client.execute(uri: base + "/reply", method: .post, headers: key, body: ByteBuffer(string: #"{"text":"late"}"#)) {
            #expect($0.status == .conflict, "a closed conversation takes no more replies")
        }
        #expect(try await client.say("hello?", in: chat).status == .conflict)
    }
}

@Test func thePagesAreServedFromTheBinary() async throws {
    let harness = try ServingHarness(fixture: try #require(try StoreFixture.make(.sqlite)))
    try await harness.test { client in
        for (uri, type, marker) in [("/", "text/html", #"role="log""#), ("/agent", "text/html", "API key"),
                                    ("/review", "text/html", "Feedback"), ("/embed.js", "text/javascript", "iframe"),
                                    ("/assets/chat.js", "text/javascript", "X-Conversation-Token"),
                                    ("/assets/api.js", "text/javascript", "window.chatbotAPI"),
                                    ("/assets/style.css", "text/css", "focus-visible")] {
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix(type) == true)
                #expect(String(buffer: response.body).contains(marker), "\(uri) holds \(marker)")
            }
        }
        try await client.execute(uri: "/assets/missing.js", method: .get) { #expect($0.status == .notFound) }
    }
}
