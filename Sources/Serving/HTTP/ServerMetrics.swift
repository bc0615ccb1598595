// The figures `/metrics` shows in Prometheus text: turns, their latency, hand-offs, feedback,
// errors, started conversations and the model version. One registry per server, not the
// process-wide MetricsSystem, so servers in one test process do not share counts.
import Dialogue
import Prometheus

/// The server's Prometheus collectors.
public final class ServerMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    private let turns: Counter
    private let handOffs: Counter
    private let feedback: Counter
    private let errors: Counter
    private let conversationsStarted: Counter
    private let turnLatency: DurationHistogram
    private let rateLimited: Counter

    /// Collectors for a server answering with `modelVersion`.
    public init(modelVersion: String) {
        func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
            MetricNameDescriptor(namespace: "chatbot", metricName: metric, unitName: unit, helpText: help)
        }
        turns = registry.makeCounter(descriptor: name("turns", "total", "Customer messages the bot answered."))
        handOffs = registry.makeCounter(descriptor: name("handoffs", "total", "Conversations handed to a person."))
        feedback = registry.makeCounter(descriptor: name("feedback", "total", "Ratings, corrected intents and better replies."))
        errors = registry.makeCounter(descriptor: name("errors", "total", "Requests that failed on the server's side."))
        rateLimited = registry.makeCounter(descriptor: name("rate_limited", "total", "Requests refused by the rate limit."))
        conversationsStarted = registry.makeCounter(descriptor: name("conversations_started", "total", "Conversations started."))
        turnLatency = registry.makeDurationHistogram(
            descriptor: name("turn_latency", "seconds", "Time to answer a customer message, state load and store writes included."),
            buckets: [.milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(20),
                      .milliseconds(50), .milliseconds(100), .milliseconds(200), .milliseconds(500), .seconds(1), .seconds(2)])
        registry.makeGauge(descriptor: name("model", "info", "The model version answering (always 1)."),
                           labels: [("version", modelVersion)]).set(to: 1.0)
    }

    /// Counts a bot turn.
    func record(_ turn: TurnResult, duration: Duration) {
        turns.increment()
        turnLatency.record(duration)
        if turn.handedOff { handOffs.increment() }
        if turn.error != nil { errors.increment() }
    }

    /// Counts a request that failed on the server's side.
    func countError() { errors.increment() }
    /// Counts stored feedback.
    func countFeedback() { feedback.increment() }
    /// Counts a request refused by the rate limit.
    func countRateLimited() { rateLimited.increment() }
    /// Counts a started conversation.
    func countConversationStarted() { conversationsStarted.increment() }

    /// Everything in the Prometheus text format.
    public func text() -> String {
        registry.emitToString()
    }
}
