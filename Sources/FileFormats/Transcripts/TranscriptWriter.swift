// Writes transcripts as JSON Lines in the format `TranscriptReader` reads (docs/FORMATS.md
// "Transcripts"): keys in the documented order, UTF-8 unescaped, one object per line.
import ConversationStorage
import Foundation
import Primitives

/// Encodes transcripts as JSON Lines.
public enum TranscriptWriter {
    /// One conversation as one JSON object, without a line break.
    public static func line(_ transcript: Transcript) -> String {
        var out = "{\"id\": \(JSONString.quoted(transcript.id)), \"channel\": \(JSONString.quoted(transcript.channel.rawValue))"
        out += ", \"started\": \(JSONString.quoted(timestamp(transcript.started)))"
        if let status = transcript.status { out += ", \"status\": \(JSONString.quoted(status.rawValue))" }
        out += ", \"turns\": [" + transcript.turns.map(turn).joined(separator: ", ") + "]}"
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
        var out = "{\"role\": \(JSONString.quoted(turn.role.rawValue)), \"text\": \(JSONString.quoted(turn.text))"
        switch turn.role {
        case .customer:
            if let intent = turn.intent { out += ", \"intent\": \(JSONString.quoted(intent))" }
            if turn.intentSource != .label { out += ", \"intent_source\": \(JSONString.quoted(turn.intentSource.rawValue))" }
            if let confidence = turn.confidence { out += ", \"confidence\": \((confidence * 10_000).rounded() / 10_000)" }
            if let sentiment = turn.sentiment { out += ", \"sentiment\": \(JSONString.quoted(sentiment.rawValue))" }
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
        return "{\"kind\": \(JSONString.quoted(kind)), \"value\": \(JSONString.quoted(value))}"
    }
}
