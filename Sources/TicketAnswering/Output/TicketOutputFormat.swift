// The answers file: JSON Lines (one object per ticket, keys in a fixed order) or CSV (one record
// per ticket, lists joined with ";"); both written line by line in input order.
import Dialogue
import FileFormats
import Foundation
import Primitives

/// The formats answers are written in.
public enum TicketOutputFormat: String, CaseIterable, Sendable {
    case jsonl, csv

    /// The CSV header (also the JSON keys, in order, with the nested ones flattened).
    public static let csvColumns = ["id", "intent", "intents", "confidence", "top3", "out_of_scope", "entities",
                                    "sentiment", "sentiment_score", "reply", "reply_source", "route", "reasons",
                                    "model_version", "latency_ms", "source"]

    /// The text written before the first answer (the CSV header line; nothing for JSON Lines).
    public var preamble: String {
        self == .csv ? CSVWriter.record(Self.csvColumns) + "\n" : ""
    }

    /// `answer` as one record, ending with a line break.
    public func record(_ answer: TicketAnswer) -> String {
        switch self {
        case .jsonl: Self.json(answer) + "\n"
        case .csv: Self.csv(answer) + "\n"
        }
    }

    /// The column (CSV) or key (JSON) holding the ticket's key.
    public static let idColumn = "id"

    static func json(_ answer: TicketAnswer) -> String {
        let q = JSONString.quoted
        let top = answer.top.map { "{\"intent\":\(q($0.intent)),\"confidence\":\(number($0.confidence))}" }
        let entities = answer.entities.map { "{\"kind\":\(q($0.kind)),\"value\":\(q($0.value)),\"text\":\(q($0.text))}" }
        let fields = [
            ("id", q(answer.id)), ("intent", answer.outOfScope ? "null" : q(answer.intent)),
            ("intents", "[" + answer.intents.map(q).joined(separator: ",") + "]"),
            ("confidence", number(answer.confidence)), ("top3", "[" + top.joined(separator: ",") + "]"),
            ("out_of_scope", answer.outOfScope ? "true" : "false"), ("entities", "[" + entities.joined(separator: ",") + "]"),
            ("sentiment", "{\"label\":\(q(answer.sentimentLabel)),\"score\":\(number(answer.sentimentScore))}"),
            ("reply", q(answer.reply)), ("reply_source", q(answer.replySource)), ("route", q(answer.route.rawValue)),
            ("reasons", "[" + answer.reasons.map { q($0.rawValue) }.joined(separator: ",") + "]"),
            ("model_version", q(answer.modelVersion)), ("latency_ms", number(answer.latencyMilliseconds, places: 3)),
            ("source", q(answer.location.description)),
        ]
        return "{" + fields.map { "\(q($0.0)):\($0.1)" }.joined(separator: ",") + "}"
    }

    static func csv(_ answer: TicketAnswer) -> String {
        let entities = answer.entities.map { "{\"kind\":\(JSONString.quoted($0.kind)),\"value\":\(JSONString.quoted($0.value)),\"text\":\(JSONString.quoted($0.text))}" }
        return CSVWriter.record([
            answer.id, answer.outOfScope ? "" : answer.intent, answer.intents.joined(separator: ";"),
            number(answer.confidence), answer.top.map { "\($0.intent):\(number($0.confidence))" }.joined(separator: ";"),
            answer.outOfScope ? "true" : "false", "[" + entities.joined(separator: ",") + "]",
            answer.sentimentLabel, number(answer.sentimentScore), answer.reply, answer.replySource, answer.route.rawValue,
            answer.reasons.map(\.rawValue).joined(separator: ";"), answer.modelVersion,
            number(answer.latencyMilliseconds, places: 3), answer.location.description,
        ])
    }

    /// `value` rounded to `places` decimals, without trailing zeros (`0.9312`, `1`).
    static func number(_ value: Double, places: Int = 4) -> String {
        guard value.isFinite else { return "0" }
        let scale = pow(10, Double(places))
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }
}
