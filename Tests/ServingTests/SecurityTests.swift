// The security rules: a conversation answers only to its own token, the team's endpoints only to
// the API key, oversized, malformed and non-UTF-8 bodies get a clear 4xx with nothing stored,
// the rate limit answers 429, CORS only for configured origins, personal data redacted.
import ConversationStorage
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Serving
import Testing
import TestSupport

private func harness(_ configure: (inout ServerSettings) -> Void = { _ in }) throws -> ServingHarness {
    let fixture = try #require(try StoreFixture.make(.sqlite))
    return try ServingHarness(fixture: fixture, configure: configure)
}

@Test func anotherConversationsTokenIsRefused() async throws {
    try await harness().test { client in
        let mine = try await client.startConversation()
        let theirs = try await client.startConversation()
        #expect(try await client.say("hello", in: mine, token: theirs.token).status == .notFound)
        #expect(try await client.say("hello", in: mine, token: "").status == .notFound)
        #expect(try await client.say("hello", in: ClientConversation(id: "not-a-uuid", token: mine.token)).status == .notFound)
        try await client.execute(uri: "/v1/conversations/\(mine.id)/messages", method: .get,
                                 headers: [.conversationToken: theirs.token]) { #expect($0.status == .notFound) }
        #expect(try await client.say("hello", in: mine).status == .ok)
    }
}

@Test func theTeamEndpointsNeedTheAPIKey() async throws {
    try await harness().test { client in
        for uri in ["/v1/model", "/v1/feedback"] {
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
            }
            try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer wrong-key-of-same-size"]) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer team-secret-key"]) {
                #expect($0.status == .ok)
            }
        }
        try await client.execute(uri: "/v1/tickets", method: .post, body: ByteBuffer(string: #"{"body":"hi"}"#)) {
            #expect($0.status == .unauthorized)
        }
    }
    try await harness { $0.apiKey = nil }.test { client in
        try await client.execute(uri: "/v1/model", method: .get, headers: [.authorization: "Bearer "]) {
            #expect($0.status == .unauthorized, "without a configured key the team endpoints are closed")
        }
    }
}

@Test func badBodiesGetAClear4xxAndStoreNothing() async throws {
    let server = try harness { $0.maxBodyBytes = 2048 }
    try await server.test { client in
        let chat = try await client.startConversation()
        let path = "/v1/conversations/\(chat.id)/messages"
        let cases: [(ByteBuffer, HTTPResponse.Status, String)] = [
            (ByteBuffer(string: #"{"text":"\#(String(repeating: "a", count: 4000))"}"#), .contentTooLarge, "too_large"),
            (ByteBuffer(string: #"{"text": "unterminated"#), .badRequest, "bad_request"),
            (ByteBuffer(string: #"{"message":"hello"}"#), .badRequest, "bad_request"),
            (ByteBuffer(string: #"{"text":42}"#), .badRequest, "bad_request"),
            (ByteBuffer(string: #"{"text":"   "}"#), .badRequest, "bad_request"),
            (ByteBuffer(string: ""), .badRequest, "bad_request"),
            (ByteBuffer(bytes: Array(#"{"text":"caf"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)), .badRequest, "invalid_utf8"),
        ]
        for (body, status, code) in cases {
            try await client.execute(uri: path, method: .post, headers: [.conversationToken: chat.token], body: body) { response in
                #expect(response.status == status)
                let error = json(response)["error"] as? [String: Any]
                #expect(error?["code"] as? String == code)
                #expect((error?["message"] as? String)?.isEmpty == false)
            }
        }
    }
    #expect(try server.store.messages(since: nil, limit: nil).isEmpty, "nothing stored half")
}

@Test func theRateLimitAnswers429WithRetryAfter() async throws {
    try await harness { $0.requestsPerMinute = 3 }.test { client in
        for _ in 0..<3 { try await client.execute(uri: "/v1/conversations", method: .post) { #expect($0.status == .created) } }
        try await client.execute(uri: "/v1/conversations", method: .post) { response in
            #expect(response.status == .tooManyRequests)
            #expect(Int(response.headers[.retryAfter] ?? "") ?? 0 >= 1)
        }
        try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok, "health is not limited") }
    }
}

@Test func corsIsOnlyForConfiguredOrigins() async throws {
    try await harness { $0.allowedOrigins = ["https://shop.example"] }.test { client in
        try await client.execute(uri: "/v1/conversations", method: .post, headers: [.origin: "https://shop.example"]) { response in
            #expect(response.headers[.accessControlAllowOrigin] == "https://shop.example")
        }
        try await client.execute(uri: "/v1/conversations", method: .post, headers: [.origin: "https://evil.example"]) { response in
            #expect(response.headers[.accessControlAllowOrigin] == nil)
        }
        try await client.execute(uri: "/v1/conversations", method: .options,
                                 headers: [.origin: "https://shop.example", .accessControlRequestMethod: "POST"]) { response in
            #expect(response.status == .noContent)
            #expect(response.headers[.accessControlAllowHeaders]?.contains("X-Conversation-Token") == true)
        }
        try await client.execute(uri: "/v1/conversations", method: .options,
                                 headers: [.origin: "https://evil.example", .accessControlRequestMethod: "POST"]) { response in
            #expect(response.status == .forbidden)
        }
    }
}

@Test func personalDataIsRedactedAsInTheChat() async throws {
    let server = try harness()
    try await server.test { client in
        let chat = try await client.startConversation()
        #expect(try await client.say("my email is ann@example.com and card 4111 1111 1111 1111", in: chat).status == .ok)
    }
    let stored = try server.store.messages(since: nil, limit: nil).map(\.text).joined(separator: "\n")
    #expect(stored.contains("{email}") && stored.contains("{card_number}"))
    #expect(!stored.contains("ann@example.com") && !stored.contains("4111"))
    let session = try server.store.conversations(since: nil, limit: nil).first.flatMap { try server.store.session(conversationID: $0.id) }
    #expect(session?.stateJSON.contains("ann@example.com") == false)
    #expect(session?.stateJSON.contains("4111") == false)
}
