// The `serve` suite's settings (the `chatbot bench --serve-…` flags).

/// Loads, replicas and the database of the `serve` suite.
public struct ServeBenchmarkSettings: Sendable {
    /// Concurrent conversations, each sending its next message `thinkSeconds` after the last was answered.
    public var concurrency = [1, 16, 64]
    /// A customer's mean pause between an answer and their next message (uniform between half and one
    /// and a half times it); 0: none, a closed loop that measures the ceiling.
    public var thinkSeconds = 0.0
    /// Server replicas (in this process, each with its own engines and store connections); a
    /// conversation's messages go to the replicas in turn.
    public var replicas = [1, 2]
    /// Engines per replica.
    public var workers = 2
    /// Seconds of load per point (quick: 1).
    public var seconds = 10.0
    /// PostgreSQL for the second half of the figures; nil: SQLite only.
    public var databaseURL: String?

    /// The defaults.
    public init() {}
}
