// Writes transcripts as JSON Lines in the format `TranscriptReader` reads (docs/FORMATS.md
// "Transcripts"): keys in the documented order, UTF-8 unescaped, one object per line.
import Foundation

/// Encodes transcripts as JSON Lines.
public enum TranscriptWriter {
    /// One conversation as one JSON object, without a line break.
    public static func line(_ transcript: Transcript) -> String {
        var out = "{\"id\": \(quoted(transcript.id)), \"channel\": \(quoted(transcript.channel.rawValue))"
        out += ", \"started\": \(quoted(timestamp(transcript.started))), \"turns\": ["
        out += transcript.turns.map(turn).joined(separator: ", ")
        out += "]}"
        return out
    }

    /// Every transcript as a line, each followed by a line break.
    public static func text(_ transcripts: [Transcript]) -> String {
        transcripts.map { line($0) + "\n" }.joined()
    }

    /// `date` as `yyyy-MM-ddTHH:mm:ssZ` (UTC, fractions of a second dropped).
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()  // UTC, `withInternetDateTime`: no fractions
        return formatter.string(from: Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)))
    }

    private static func turn(_ turn: TranscriptTurn) -> String {
        var out = "{\"role\": \(quoted(turn.role.rawValue)), \"text\": \(quoted(turn.text))"
        switch turn.role {
        case .customer:
            if let intent = turn.intent { out += ", \"intent\": \(quoted(intent))" }
            if let sentiment = turn.sentiment { out += ", \"sentiment\": \(quoted(sentiment.rawValue))" }
        case .agent:
            if !turn.feedback.isEmpty {
                out += ", \"feedback\": [" + turn.feedback.map(feedback).joined(separator: ", ") + "]"
            }
        }
        return out + "}"
    }

    private static func feedback(_ item: TurnFeedback) -> String {
        let (kind, value): (String, String) = switch item {
        case .rating(let good): ("rating", good ? "good" : "bad")
        case .correctedIntent(let name): ("corrected_intent", name)
        case .betterReply(let text): ("better_reply", text)
        }
        return "{\"kind\": \(quoted(kind)), \"value\": \(quoted(value))}"
    }

    /// `text` as a JSON string literal: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{2028}": out += "\\u2028"  // valid in JSON, but some line splitters break on it
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
