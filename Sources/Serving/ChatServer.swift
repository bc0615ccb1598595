// `chatbot serve`'s server: the API, the pages and the middlewares on Hummingbird, run until
// SIGTERM or SIGINT, then shut down gracefully (requests in flight, turns among them, finish and
// are stored before the process exits).
import Hummingbird
import Logging
import ServiceLifecycle

/// The HTTP server of the chatbot.
public struct ChatServer: Sendable {
    /// Listening and limits.
    public let settings: ServerSettings
    /// The conversations.
    public let service: ConversationService
    /// Single tickets (nil: `POST /v1/tickets` answers 404).
    public let tickets: TicketDesk?
    /// The model version answering.
    public let modelVersion: String
    /// Structured logs (never with a request body or the API key).
    public let logger: Logger

    /// A server.
    public init(settings: ServerSettings, service: ConversationService, tickets: TicketDesk?, modelVersion: String,
                logger: Logger) {
        self.settings = settings
        self.service = service
        self.tickets = tickets
        self.modelVersion = modelVersion
        self.logger = logger
    }

    /// The router with every route and middleware.
    public func makeRouter() -> Router<ServingRequestContext> {
        let router = Router(context: ServingRequestContext.self)
        router.add(middleware: ErrorMiddleware(metrics: service.metrics))
        router.add(middleware: OriginPolicy(allowed: Set(settings.allowedOrigins)))
        router.add(middleware: RateLimitMiddleware(limiter: RateLimiter(requestsPerMinute: settings.requestsPerMinute),
                                                   metrics: service.metrics, trustForwardedFor: settings.trustForwardedFor))
        APIRoutes(service: service, tickets: tickets, settings: settings, modelVersion: modelVersion).register(on: router)
        AgentRoutes(desk: AgentDesk(store: service.store), settings: settings).register(on: router)
        PageRoutes().register(on: router)
        return router
    }

    /// The application (for tests and `run`).
    public func makeApplication(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol
    {
        Application(
            router: makeRouter(),
            configuration: ApplicationConfiguration(address: .hostname(settings.host, port: settings.port),
                                                    serverName: "chatbot"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Serves until the calling task is cancelled (for a server inside another program, such as
    /// the benchmark); `onServerRunning` gets the port.
    public func runUntilCancelled(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await makeApplication(onServerRunning: onServerRunning).run()
    }

    /// Serves until SIGTERM or SIGINT, then drains and returns.
    public func run(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await makeApplication(onServerRunning: onServerRunning).runService()
    }
}
