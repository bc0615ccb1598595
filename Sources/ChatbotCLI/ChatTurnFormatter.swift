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

    /// One JSON object for `--json` (the same object `chatbot serve` returns for a turn).
    package static func json(_ turn: TurnResult) -> String {
        turn.json
    }
}
