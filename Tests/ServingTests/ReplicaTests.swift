// Stateless replicas: one conversation alternating between two servers (each with its own
// engines and store connections, sharing only the database) gives the same replies as one
// server, because every turn reads the dialogue state from the store and writes it back.
import ConversationStorage
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import TestSupport

private let script = [
    "hello there", "where is my order?", "it's 48213377", "please cancel it", "what is your refund policy?",
    "thanks", "where is my order?", "12345678", "asdf qwerty", "blorp zzz",
]

/// The replies (text, intent, move) to the script, each message sent through `servers[i % count]`.
private func replies(_ servers: [ServingHarness]) async throws -> [String] {
    let chat = try await servers[0].test { try await $0.startConversation() }
    var out: [String] = []
    for (index, text) in script.enumerated() {
        out.append(try await servers[index % servers.count].test { client in
            let turn = json(try await client.say(text, in: chat))
            return "\(turn["text"] as? String ?? "?") | \(turn["intent"] as? String ?? "-") | \(turn["move"] as? String ?? "?")"
        })
    }
    return out
}

private func checkAlternatingReplicasAnswerLikeOne(_ backend: StoreBackend) async throws {
    guard let fixture = try StoreFixture.make(backend) else { return }
    let single = try await replies([try ServingHarness(fixture: fixture)])
    let alternating = try await replies([try ServingHarness(fixture: fixture), try ServingHarness(fixture: fixture)])
    #expect(single.count == script.count)
    #expect(alternating == single)
    #expect(Set(single).count > 5, "the script exercises different replies")
}

@Test func aConversationAlternatingBetweenTwoServersAnswersLikeOneOnSQLite() async throws {
    try await checkAlternatingReplicasAnswerLikeOne(.sqlite)
}

@Suite(.enabled(if: PostgresTestDatabase.isEnabled, "CHATBOT_TEST_DATABASE_URL is unset"))
struct ReplicaPostgreSQLTests {
    @Test func aConversationAlternatingBetweenTwoServersAnswersLikeOneOnPostgreSQL() async throws {
        try await checkAlternatingReplicasAnswerLikeOne(.postgres)
    }
}
