// `chatbot serve` as real processes: one conversation alternating between two replicas on one
// PostgreSQL gets the replies one process gives, and SIGTERM while turns are in flight lets
// them finish and stores every one.
import ConversationStorage
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TestSupport

/// A `chatbot serve` child process on a free loopback port.
private final class ServeProcess {
    let process = Process()
    let port: Int

    /// Starts `chatbot serve --port 0 ARGUMENTS` and returns once it says where it listens.
    init(_ arguments: [String]) throws {
        let errors = Pipe()
        process.executableURL = try chatbotBinary()
        process.arguments = ["serve", "--port", "0"] + arguments
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var said = ""
        while true {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }  // the process ended without listening
            said += String(decoding: chunk, as: UTF8.self)
            if let match = said.firstMatch(of: /serving on http:\/\/[^:]+:(\d+)/), let port = Int(match.1) {
                self.port = port
                errors.fileHandleForReading.readabilityHandler = { _ = $0.availableData }  // keep the log pipe from filling
                return
            }
        }
        process.waitUntilExit()
        throw ServeProcessError(said: said)
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}

private struct ServeProcessError: Error, CustomStringConvertible {
    let said: String
    var description: String { "chatbot serve did not start: \(said)" }
}

/// A conversation's id and token, as the API gives them.
private struct OpenConversation {
    let id: String
    let token: String
}

private func post(_ port: Int, _ path: String, body: String = "{}", token: String? = nil,
                  session: URLSession = .shared) async throws -> (status: Int, json: [String: Any]) {
    var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)\(path)")))
    request.httpMethod = "POST"
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    if let token { request.setValue(token, forHTTPHeaderField: "X-Conversation-Token") }
    request.httpBody = Data(body.utf8)
    let (data, response) = try await session.data(for: request)
    let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, json)
}

private func start(_ port: Int) async throws -> OpenConversation {
    let (status, json) = try await post(port, "/v1/conversations")
    #expect(status == 201)
    return OpenConversation(id: try #require(json["conversation_id"] as? String), token: try #require(json["token"] as? String))
}

private func say(_ text: String, to port: Int, in chat: OpenConversation, session: URLSession = .shared) async throws -> (status: Int, json: [String: Any]) {
    let body = String(decoding: try JSONSerialization.data(withJSONObject: ["text": text]), as: UTF8.self)
    return try await post(port, "/v1/conversations/\(chat.id)/messages", body: body, token: chat.token, session: session)
}

private let script = ["hello", "I want a refund", "how much is shipping", "blorp zzz qwerty", "give me my money back",
                      "what does delivery cost", "thanks"]

/// The replies (text | intent | move) to the script, message i sent to `ports[i % count]`.
private func replies(through ports: [Int]) async throws -> [String] {
    let chat = try await start(ports[0])
    var out: [String] = []
    for (index, text) in script.enumerated() {
        let (status, turn) = try await say(text, to: ports[index % ports.count], in: chat)
        #expect(status == 200, "\(text)")
        out.append("\(turn["text"] as? String ?? "?") | \(turn["intent"] as? String ?? "-") | \(turn["move"] as? String ?? "?")")
    }
    return out
}

@Suite(.enabled(if: PostgresTestDatabase.isEnabled, "CHATBOT_TEST_DATABASE_URL is unset"))
struct ServeProcessPostgresTests {
    @Test func aConversationAlternatingBetweenTwoServeProcessesAnswersLikeOne() async throws {
        guard let fixture = try StoreFixture.make(.postgres), let url = fixture.postgresURLWithSchema else { return }
        let (folder, model, intents) = try tinySetup()
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["--database-url", url, "--model", model, "--intents", intents]
        let first = try ServeProcess(arguments)
        defer { first.stop() }
        let second = try ServeProcess(arguments)
        defer { second.stop() }
        let single = try await replies(through: [first.port])
        let alternating = try await replies(through: [first.port, second.port])
        #expect(single.count == script.count)
        #expect(alternating == single)
        #expect(Set(single).count > 3, "the script exercises different replies")
    }
}

@Test func sigtermWhileTurnsAreInFlightFinishesAndStoresEveryAcceptedTurn() async throws {
    let (folder, model, intents) = try tinySetup()
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = folder.appendingPathComponent("chatbot.sqlite").path
    let server = try ServeProcess(["--database", database, "--model", model, "--intents", intents, "--workers", "1"])
    defer { server.stop() }
    var chats: [OpenConversation] = []
    for _ in 0..<96 { chats.append(try await start(server.port)) }
    let configuration = URLSessionConfiguration.ephemeral
    configuration.httpMaximumConnectionsPerHost = 64
    let session = URLSession(configuration: configuration)
    defer { session.invalidateAndCancel() }
    let signalled = SignalFlag()
    let port = server.port, pid = server.process.processIdentifier
    let statuses = try await withThrowingTaskGroup(of: (status: Int, afterSignal: Bool).self) { group in
        for (index, chat) in chats.enumerated() {
            group.addTask {
                let status = (try? await say(script[index % script.count], to: port, in: chat, session: session).status) ?? 0
                let afterSignal = signalled.isSet
                // The first answer sends SIGTERM at once, from its own task: the other turns are
                // still queued behind the single engine (a fast model answers them in milliseconds).
                if status == 200, signalled.setIfUnset() { kill(pid, SIGTERM) }
                return (status, afterSignal)
            }
        }
        var statuses: [(status: Int, afterSignal: Bool)] = []
        for try await outcome in group { statuses.append(outcome) }
        return statuses
    }
    server.process.waitUntilExit()
    #expect(server.process.terminationStatus == 0)
    let answered = statuses.filter { $0.status == 200 }
    #expect(statuses.allSatisfy { $0.status == 200 || $0.status == 0 }, "no 5xx during shutdown: \(statuses.map(\.status))")
    #expect(answered.contains { $0.afterSignal }, "turns in flight at SIGTERM were answered")
    let store = try SQLiteConversationStore(path: database, policy: StoragePolicy())
    let messages = try store.messages(since: nil, limit: nil)
    #expect(messages.filter { $0.role == .customer }.count == answered.count)
    #expect(messages.filter { $0.role == .bot }.count == answered.count)
}

/// Whether the test has sent SIGTERM yet, read by the requests' tasks.
private final class SignalFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }
    /// Sets the flag; true for the one caller that found it unset.
    func setIfUnset() -> Bool {
        lock.withLock {
            defer { value = true }
            return !value
        }
    }
}
