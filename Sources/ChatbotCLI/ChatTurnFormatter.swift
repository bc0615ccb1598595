// How `chatbot chat` shows a turn: the reply (coloured on a terminal), the `--verbose` line
// (intent, confidence, entities, sentiment, source, latency) and the `--json` object.
import ConversationStorage
import Dialogue
import FileFormats
import Foundation
import Primitives
import Sentiment

/// Formats turn results for the terminal, plain lines or JSON Lines.
package struct ChatTurnFormatter {
    /// Whether to use ANSI colours.
    var colour: Bool
    /// Whether the terminal takes non-ASCII text (else the labels are `you>` and `bot>`).
    var unicode = true

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// The bot's label before a reply on the terminal.
    var botLabel: String { paint(unicode ? "bot ›" : "bot>", "1;36") }
    /// The prompt for the customer's line.
    /// (Escapes are wrapped in \\1 … \\2 so libedit does not count them as columns.)
    var prompt: String {
        let label = unicode ? "you ›" : "you>"
        return colour ? "\u{1}\u{1B}[1;32m\u{2}\(label)\u{1}\u{1B}[0m\u{2} " : label + " "
    }

    /// A notice (hand-off, new conversation, feedback stored), dimmed or yellow.
    func notice(_ text: String, warning: Bool = false) -> String {
        paint(text, warning ? "33" : "2")
    }

    /// `intent 0.83 · order_id=48213377 · negative -0.61 · template · 1.2 ms`.
    package func details(_ turn: TurnResult) -> String {
        var parts: [String] = []
        let intent = turn.detectedIntent ?? "–"
        parts.append(turn.confidence.map { "\(intent) \(String(format: "%.2f", $0))" } ?? intent)
        if turn.intent != nil, turn.intent != turn.detectedIntent, let answered = turn.intent {
            parts.append("answered \(answered)")
        }
        parts.append(turn.entities.isEmpty ? "no entities" : turn.entities.map(\.description).joined(separator: " "))
        parts.append("\(turn.sentiment.label.rawValue) \(String(format: "%+.2f", turn.sentiment.score))")
        parts.append("\(turn.source.rawValue) \(turn.moveName)")
        parts.append(String(format: "%.1f ms", turn.latencyMilliseconds))
        return parts.joined(separator: " · ")
    }

    /// One JSON object for `--json`: text, intent, confidence, entities, sentiment, reply_source,
    /// handed_off, move, suggestions, latency_ms, conversation_id, model_version, error.
    package static func json(_ turn: TurnResult) -> String {
        let line = JSONTurn(
            text: turn.reply, intent: turn.intent, detectedIntent: turn.detectedIntent, confidence: turn.confidence,
            entities: turn.entities.map { .init(kind: $0.kind.rawValue, value: $0.value, text: $0.text) },
            sentiment: .init(label: turn.sentiment.label.rawValue, score: turn.sentiment.score),
            replySource: turn.source.rawValue, handedOff: turn.handedOff, move: turn.moveName,
            suggestions: turn.suggestions, latencyMilliseconds: turn.latencyMilliseconds,
            conversationID: turn.conversationID.uuidString.lowercased(), modelVersion: turn.modelVersion,
            error: turn.error ?? turn.storageError.map { "storage: \($0)" })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(line), let text = String(data: data, encoding: .utf8) else { return "{}" }
        return text
    }
}

/// The `--json` line of one turn.
private struct JSONTurn: Encodable {
    struct EntityJSON: Encodable { var kind, value, text: String }
    struct SentimentJSON: Encodable {
        var label: String
        var score: Double
    }

    var text: String
    var intent: String?
    var detectedIntent: String?
    var confidence: Double?
    var entities: [EntityJSON]
    var sentiment: SentimentJSON
    var replySource: String
    var handedOff: Bool
    var move: String
    var suggestions: [String]
    var latencyMilliseconds: Double
    var conversationID: String
    var modelVersion: String
    var error: String?

    enum CodingKeys: String, CodingKey {
        case text, intent, confidence, entities, sentiment, move, suggestions, error
        case detectedIntent = "detected_intent", replySource = "reply_source", handedOff = "handed_off"
        case latencyMilliseconds = "latency_ms", conversationID = "conversation_id", modelVersion = "model_version"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(intent, forKey: .intent)  // null when nothing was understood
        try container.encode(detectedIntent, forKey: .detectedIntent)
        try container.encode(confidence, forKey: .confidence)
        try container.encode(entities, forKey: .entities)
        try container.encode(sentiment, forKey: .sentiment)
        try container.encode(replySource, forKey: .replySource)
        try container.encode(handedOff, forKey: .handedOff)
        try container.encode(move, forKey: .move)
        try container.encode(suggestions, forKey: .suggestions)
        try container.encode(latencyMilliseconds, forKey: .latencyMilliseconds)
        try container.encode(conversationID, forKey: .conversationID)
        try container.encode(modelVersion, forKey: .modelVersion)
        try container.encodeIfPresent(error, forKey: .error)
    }
}
