// `chatbot serve`: the HTTP API, the web chat page and the team's pages (Serving), on the
// active model and the conversation store. Parses, loads, starts; the server does the rest.
import ArgumentParser
import ConversationStorage
import Dialogue
import FileFormats
import Foundation
import Logging
import Serving
import TicketAnswering

/// Serves customers over HTTP until SIGTERM or SIGINT.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the chat over HTTP: a JSON API, a web chat page, metrics.",
        discussion: """
            The API is under /v1 (see docs/openapi.yaml); /healthz, /readyz and /metrics (Prometheus) \
            are for the operator. Conversation state lives in the store, so several servers on one \
            PostgreSQL (--database-url) serve the same conversations. The team's endpoints (tickets, \
            feedback export, model) need the API key from --api-key-file or $CHATBOT_API_KEY; without \
            one they answer 401. SIGTERM or SIGINT stops the server after the requests in flight.
            """)

    @Option(name: .long, help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The TCP port.")
    var port = 8080

    @Option(name: .long, help: ArgumentHelp("The intents folder.", valueName: "DIR"))
    var intents = "intents"

    @OptionGroup var model: ModelOptions

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "Conversations answered in parallel (each worker loads its own model copy).")
    var workers = 2

    @Option(name: .customLong("api-key-file"),
            help: ArgumentHelp("A file holding the API key (default: $CHATBOT_API_KEY).", valueName: "PATH"))
    var apiKeyFile: String?

    @Option(name: .customLong("max-body-bytes"), help: "The largest request body accepted.")
    var maxBodyBytes = 64 * 1024

    @Option(name: .customLong("requests-per-minute"), help: "Requests one client address may make per minute.")
    var requestsPerMinute = 600

    @Option(name: .customLong("allow-origin"),
            help: ArgumentHelp("An origin whose pages may call the API (CORS); repeat for more.", valueName: "URL"))
    var allowedOrigins: [String] = []

    @Flag(name: .customLong("trust-forwarded-for"),
          help: "Rate-limit by the last X-Forwarded-For address (only behind a proxy that sets it).")
    var trustForwardedFor = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        guard (1...64).contains(workers) else { throw ValidationError("--workers must be between 1 and 64.") }
        guard maxBodyBytes >= 1024 else { throw ValidationError("--max-body-bytes must be at least 1024.") }
        guard requestsPerMinute >= 1 else { throw ValidationError("--requests-per-minute must be at least 1.") }
    }

    func run() throws {
        let catalog = try IntentCatalog.loadForCommand(intents)
        guard let directory = ModelLocation.directory(model: model.path) else {
            throw CommandFailure("no model: train one with `chatbot train` or pass --model DIR")
        }
        let combination = try ModelLocation.sentimentCombination(in: directory)
        let policy = catalog.domain.storagePolicy
        let engines = try (0..<workers).map { _ in
            DialogueEngine(catalog: catalog, understanding: try ModelLocation.load(directory),
                           store: try store.open(policy: policy), sentimentCombination: combination)
        }
        let shared = try store.open(policy: policy)
        let modelVersion = engines[0].modelVersion
        let metrics = ServerMetrics(modelVersion: modelVersion)
        let tickets = TicketDesk(
            analyser: TicketAnalyser(catalog: catalog, understanding: try ModelLocation.load(directory),
                                     sentimentCombination: combination),
            store: shared)
        var settings = ServerSettings()
        settings.host = host
        settings.port = port
        settings.workers = workers
        settings.apiKey = try apiKey()
        settings.maxBodyBytes = maxBodyBytes
        settings.requestsPerMinute = requestsPerMinute
        settings.allowedOrigins = allowedOrigins
        settings.trustForwardedFor = trustForwardedFor
        var logger = Logger(label: "chatbot.serve")
        logger.logLevel = .info
        let server = ChatServer(
            settings: settings, service: ConversationService(engines: engines, store: shared, metrics: metrics),
            tickets: tickets, modelVersion: modelVersion, logger: logger)
        let location = (try? store.location().description) ?? "the store"
        try Self.runBlocking {
            try await server.run { port in
                Self.printError("serving on http://\(host):\(port) · model \(modelVersion) · storing in \(location)")
            }
        }
    }

    /// The key from --api-key-file (trimmed), else $CHATBOT_API_KEY, else nil.
    private func apiKey() throws -> String? {
        if let apiKeyFile {
            guard let text = try? String(contentsOfFile: apiKeyFile, encoding: .utf8) else {
                throw CommandFailure("cannot read the API key file \(apiKeyFile)")
            }
            let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !key.isEmpty else { throw CommandFailure("the API key file \(apiKeyFile) is empty") }
            return key
        }
        let key = ProcessInfo.processInfo.environment["CHATBOT_API_KEY"]?.trimmingCharacters(in: .whitespacesAndNewlines)
        return key?.isEmpty == false ? key : nil
    }

    /// Runs `body` on the concurrency pool while this (synchronous) command waits for it.
    private static func runBlocking(_ body: @escaping @Sendable () async throws -> Void) throws {
        let outcome = ServeOutcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await body() } catch { outcome.error = error }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw CommandFailure("the server stopped: \(error)") }
    }

    private static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// The error a server run ended with, handed from its task to the waiting command.
private final class ServeOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?
    var error: (any Error)? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
