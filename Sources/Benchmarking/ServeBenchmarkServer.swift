// One `chatbot serve` replica inside the benchmark process: the model loaded per engine, its own
// store connections, listening on a free loopback port until stopped.
import ConversationStorage
import Dialogue
import FileFormats
import Foundation
import Logging
import Serving

/// A running replica.
final class ServeBenchmarkServer: @unchecked Sendable {
    /// The loopback port it listens on.
    let port: Int
    private let task: Task<Void, any Error>

    /// Starts a replica with `workers` engines on the model at `model`; returns once it listens.
    init(model: URL, inputs: BenchmarkInputs, workers: Int, open: (StoragePolicy) throws -> any ConversationStore) throws {
        let catalog = try IntentCatalog.load(from: inputs.intentsDirectory)
        let policy = catalog.domain.storagePolicy
        let combination = try ModelSentiment.combination(in: model)
        let engines = try (0..<workers).map { _ in
            DialogueEngine(catalog: catalog, understanding: try ChatModelUnderstanding(contentsOf: model), store: try open(policy),
                           sentimentCombination: combination)
        }
        var settings = ServerSettings()
        settings.port = 0
        settings.workers = workers
        settings.requestsPerMinute = 100_000_000  // the load comes from one address
        var logger = Logger(label: "bench.serve")
        logger.logLevel = .warning
        let version = engines[0].modelVersion
        let server = ChatServer(
            settings: settings,
            service: ConversationService(engines: engines, store: try open(policy), metrics: ServerMetrics(modelVersion: version)),
            tickets: nil, modelVersion: version, logger: logger)
        let listening = PortBox()
        task = Task { try await server.runUntilCancelled { listening.set($0) } }
        port = try listening.wait()
    }

    /// Stops listening (requests in flight finish first).
    func stop() {
        task.cancel()
    }
}

/// The port a starting server reports, waited for by the thread that started it.
private final class PortBox: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private var port = 0

    func set(_ value: Int) {
        port = value
        ready.signal()
    }

    func wait() throws -> Int {
        guard ready.wait(timeout: .now() + 300) == .success else { throw ServingError.unavailable("the server did not start") }
        return port
    }
}
