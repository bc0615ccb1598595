// The `serve` suite's client: N conversations on loopback, each sending its next message as soon
// as the last was answered (or after a customer's pause), for a fixed time; one message in turn to each replica. A handed-off
// conversation (202) is replaced by a new one. Latency is request to response as the client sees it.
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Primitives
import Serving

/// A closed-loop load of conversations, with or without the customers' pauses.
struct ServeLoad {
    struct Outcome {
        var turnsPerSecond: Double
        var latencies: [Double]
        var failures: Int
    }

    let ports: [Int]
    let conversations: Int
    let seconds: Double
    /// The mean pause before each next message; each pause is uniform in [0.5, 1.5] × this.
    let thinkSeconds: Double

    /// Runs the load (blocking the calling thread) and returns what it measured.
    func run() throws -> Outcome {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = max(8, conversations * 2)
        configuration.timeoutIntervalForRequest = 60
        let session = URLSession(configuration: configuration)
        defer { session.invalidateAndCancel() }
        let results = ResultBox()
        let group = DispatchGroup()
        let deadline = Date().addingTimeInterval(seconds)
        for index in 0..<conversations {
            group.enter()
            Task {
                await customer(index, session: session, until: deadline, into: results)
                group.leave()
            }
        }
        group.wait()
        let (latencies, failures) = results.snapshot()
        return Outcome(turnsPerSecond: Double(latencies.count) / seconds, latencies: latencies, failures: failures)
    }

    private func customer(_ index: Int, session: URLSession, until deadline: Date, into results: ResultBox) async {
        var chat: (id: String, token: String)?
        var turn = index
        if thinkSeconds > 0 {  // customers arrive spread over one pause, not all in the same instant
            try? await Task.sleep(for: .seconds(Double.random(in: 0..<thinkSeconds)))
        }
        while Date() < deadline {
            let port = ports[turn % ports.count]
            do {
                if chat == nil { chat = try await start(port: port, session: session) }
                guard let open = chat else { continue }
                var request = URLRequest(url: try url(port, "/v1/conversations/\(open.id)/messages"))
                request.httpMethod = "POST"
                request.setValue(open.token, forHTTPHeaderField: "X-Conversation-Token")
                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
                let text = ServeBenchmark.script[turn % ServeBenchmark.script.count]
                request.httpBody = Data(#"{"text":\#(JSONString.quoted(text))}"#.utf8)
                let started = ContinuousClock.now
                let (_, response) = try await session.data(for: request)
                let milliseconds = (ContinuousClock.now - started) / .milliseconds(1)
                switch (response as? HTTPURLResponse)?.statusCode {
                case 200: results.add(milliseconds)
                case 202: chat = nil  // handed off: the next message starts a new conversation
                default: results.fail()
                }
            } catch {
                results.fail()
            }
            turn += 1
            if thinkSeconds > 0 {
                try? await Task.sleep(for: .seconds(thinkSeconds * Double.random(in: 0.5...1.5)))
            }
        }
    }

    private func start(port: Int, session: URLSession) async throws -> (id: String, token: String) {
        var request = URLRequest(url: try url(port, "/v1/conversations"))
        request.httpMethod = "POST"
        let (data, _) = try await session.data(for: request)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let id = object["conversation_id"] as? String, let token = object["token"] as? String
        else { throw ServingError.unavailable("no conversation started") }
        return (id, token)
    }

    private func url(_ port: Int, _ path: String) throws -> URL {
        guard let url = URL(string: "http://127.0.0.1:\(port)\(path)") else { throw ServingError.badRequest("bad path \(path)") }
        return url
    }
}

/// Latencies and failures gathered from the customers' tasks.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var latencies: [Double] = []
    private var failures = 0

    func add(_ milliseconds: Double) { lock.withLock { latencies.append(milliseconds) } }
    func fail() { lock.withLock { failures += 1 } }
    func snapshot() -> ([Double], Int) { lock.withLock { (latencies, failures) } }
}
