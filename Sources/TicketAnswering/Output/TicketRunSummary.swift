// What a run did, gathered as answers are written: counts per route and per intent, mean
// sentiment, the slowest tickets and the failures; printed as the end-of-run table.
import Foundation

/// Running totals of an answering run.
public struct TicketRunSummary: Sendable {
    /// Tickets answered in this run.
    public private(set) var answered = 0
    /// Tickets skipped because the output already answered them (resume).
    public var skipped = 0
    /// Records that could not be read or answered.
    public var failed = 0
    /// Answers per route.
    public private(set) var routes: [TicketRoute: Int] = [:]
    /// Answers per (whole-ticket) intent, out-of-scope ones under `out_of_scope`.
    public private(set) var intents: [String: Int] = [:]
    /// The slowest tickets, slowest first (at most `slowestKept`).
    public private(set) var slowest: [(id: String, milliseconds: Double)] = []
    /// Whether the run stopped early on a signal.
    public var interrupted = false
    private var sentimentTotal = 0.0
    private static let slowestKept = 5

    /// An empty summary.
    public init() {}

    /// The mean sentiment score of the answered tickets (0 when none).
    public var meanSentiment: Double { answered == 0 ? 0 : sentimentTotal / Double(answered) }

    /// Counts `answer`.
    public mutating func record(_ answer: TicketAnswer) {
        answered += 1
        routes[answer.route, default: 0] += 1
        intents[answer.outOfScope ? "out_of_scope" : answer.intent, default: 0] += 1
        sentimentTotal += answer.sentimentScore
        if slowest.count < Self.slowestKept || answer.latencyMilliseconds > (slowest.last?.milliseconds ?? 0) {
            slowest.append((answer.id, answer.latencyMilliseconds))
            slowest.sort { $0.milliseconds > $1.milliseconds }
            if slowest.count > Self.slowestKept { slowest.removeLast() }
        }
    }

    /// The end-of-run table: totals, routes, the ten most frequent intents, mean sentiment, the
    /// slowest tickets and the errors count.
    public func table(seconds: Double, topIntents: Int = 10) -> String {
        var lines = ["tickets answered   \(answered)" + (interrupted ? "  (interrupted)" : ""),
                     "skipped (resumed)  \(skipped)", "errors             \(failed)"]
        if seconds > 0 { lines.append("tickets/s          \(Int((Double(answered) / seconds).rounded()))") }
        lines.append("route              " + TicketRoute.allCases.map { "\($0.rawValue) \(routes[$0] ?? 0)" }.joined(separator: "  "))
        lines.append(String(format: "mean sentiment     %+.3f", meanSentiment))
        let ranked = intents.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(topIntents)
        if !ranked.isEmpty {
            lines.append("intents")
            lines += ranked.map { "  \($0.key.padding(toLength: max(24, $0.key.count), withPad: " ", startingAt: 0)) \($0.value)" }
        }
        if !slowest.isEmpty {
            lines.append("slowest")
            lines += slowest.map { String(format: "  %@  %.1f ms", $0.id, $0.milliseconds) }
        }
        return lines.joined(separator: "\n")
    }
}
