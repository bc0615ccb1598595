// A graceful shutdown while turns are being answered loses no turn: every request in flight gets
// its reply and every turn is in the store. (`chatbot serve` runs the same shutdown on SIGTERM
// and SIGINT: Hummingbird's `runService` maps those signals to it.)
import ConversationStorage
import Dialogue
import FileFormats
import Foundation
import HTTPTypes
import HummingbirdTesting
import LanguageModeling
import Logging
import NIOCore
import Serving
import ServiceLifecycle
import Testing
import TestSupport

/// The example matcher, 150 ms slower per message, so that turns are still running at shutdown.
private final class SlowUnderstanding: LanguageUnderstanding {
    let base: ExampleMatchingUnderstanding
    init(catalog: IntentCatalog) { base = ExampleMatchingUnderstanding(catalog: catalog) }
    var modelVersion: String { base.modelVersion }
    func analyse(_ text: String, context: [ConversationTurn]) throws -> Understanding {
        Thread.sleep(forTimeInterval: 0.15)
        return try base.analyse(text, context: context)
    }
    func generateReply(intent: String, text: String, context: [ConversationTurn]) throws -> String? {
        try base.generateReply(intent: intent, text: text, context: context)
    }
}

@Test func aGracefulShutdownDuringLoadLosesNoTurn() async throws {
    let harness = try ServingHarness(fixture: try #require(try StoreFixture.make(.sqlite)), workers: 2,
                                     understanding: { SlowUnderstanding(catalog: $0) })
    let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
    let app = harness.server.makeApplication { portSink.yield($0) }
    let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: Logger(label: "test")))
    let statuses = try await withThrowingTaskGroup(of: [HTTPResponse.Status].self) { tasks in
        tasks.addTask { try await group.run(); return [] }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        let clients = (0..<6).map { _ in TestClient(host: "127.0.0.1", port: port) }
        for client in clients { client.connect() }
        var chats: [ClientConversation] = []
        for client in clients {
            let response = try await client.execute(TestClient.Request("/v1/conversations", method: .post, authority: "localhost"))
            let object = (try JSONSerialization.jsonObject(with: Data((response.body ?? ByteBuffer()).readableBytesView))
                as? [String: Any]) ?? [:]
            chats.append(ClientConversation(id: object["conversation_id"] as? String ?? "", token: object["token"] as? String ?? ""))
        }
        let replies = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { turns in
            for (client, chat) in zip(clients, chats) {
                turns.addTask {
                    let request = TestClient.Request(
                        "/v1/conversations/\(chat.id)/messages", method: .post, authority: "localhost",
                        headers: [.conversationToken: chat.token, .contentType: "application/json"],
                        body: ByteBuffer(string: #"{"text":"where is my order?"}"#))
                    return try await client.execute(request).status
                }
            }
            try await Task.sleep(for: .milliseconds(100))  // the first turns are being answered now
            await group.triggerGracefulShutdown()
            var statuses: [HTTPResponse.Status] = []
            for try await status in turns { statuses.append(status) }
            return statuses
        }
        for client in clients { try? await client.shutdown() }
        for try await _ in tasks {}
        return replies
    }
    #expect(statuses.count == 6)
    #expect(statuses.allSatisfy { $0 == .ok }, "every turn in flight got its reply: \(statuses)")
    let messages = try harness.store.messages(since: nil, limit: nil)
    #expect(messages.filter { $0.role == .customer }.count == 6)
    #expect(messages.filter { $0.role == .bot }.count == 6)
}
