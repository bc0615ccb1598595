// How `chatbot serve` listens and what it lets through: address, worker engines, the API key,
// body and rate limits, CORS origins. Defaults are safe for a server on loopback.

/// The server's settings (the command's flags).
public struct ServerSettings: Sendable {
    /// The address to listen on.
    public var host = "127.0.0.1"
    /// The TCP port (0: any free port).
    public var port = 8080
    /// Engines answering in parallel, each with its own model copy and store connection.
    public var workers = 2
    /// The key the team's endpoints (tickets, feedback export, model, agent, review) need;
    /// nil refuses them all.
    public var apiKey: String?
    /// The largest request body accepted, in bytes.
    public var maxBodyBytes = 64 * 1024
    /// Requests per minute one client address may make (its bucket also holds this many).
    public var requestsPerMinute = 600
    /// Whether the rate limit counts by the last `X-Forwarded-For` address (set by a proxy in
    /// front) instead of the connection's; only behind a proxy that sets it.
    public var trustForwardedFor = false
    /// Origins allowed to call the API from a browser (CORS); none by default.
    public var allowedOrigins: [String] = []

    /// The defaults.
    public init() {}
}
