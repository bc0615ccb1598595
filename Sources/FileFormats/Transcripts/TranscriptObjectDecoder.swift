// Turns one decoded JSON object into a `Transcript`, checking keys, types and values and
// collecting a message for each thing wrong (the caller adds file and line).
import ConversationStorage
import Foundation
import Primitives

/// Decodes and validates one conversation object.
package struct TranscriptObjectDecoder {
    let knownIntents: Set<String>?
    private(set) var messages: [String] = []

    init(knownIntents: Set<String>?) { self.knownIntents = knownIntents }

    /// Placeholders that redaction writes (`{email}`, `{card_number}`, …): allowed in text, since
    /// they mark removed personal data rather than an unfilled template slot.
    static let redactionNames = Set(Redactor.Kind.allCases.map(\.rawValue))

    /// Why `text` cannot be a transcript message (it holds a template placeholder), or nil.
    static func placeholderProblem(in text: String) -> String? {
        guard let placeholder = ResponseTemplate.placeholders(in: text).first(where: { !redactionNames.contains($0) }) else { return nil }
        return "text contains placeholder {\(placeholder)}; transcripts hold filled-in text"
    }

    mutating func transcript(_ object: [String: Any], location: SourceLocation) -> Transcript? {
        checkKeys(object, allowed: ["id", "channel", "started", "status", "turns"], required: ["id", "channel", "started", "turns"],
                  what: "conversation")
        let id = string(object["id"], what: "id")
        let channel = string(object["channel"], what: "channel").flatMap { value -> Transcript.Channel? in
            guard let channel = Transcript.Channel(rawValue: value) else {
                messages.append("unknown channel \"\(value)\" (chat, email, whatsapp, sms or web)")
                return nil
            }
            return channel
        }
        let started = string(object["started"], what: "started").flatMap { value -> Date? in
            guard let date = Self.parseTimestamp(value) else {
                messages.append("started \"\(value)\" is not a UTC ISO 8601 time like 2026-03-02T09:14:00Z")
                return nil
            }
            return date
        }
        var turns: [TranscriptTurn] = []
        if let rawTurns = object["turns"] {
            if let list = rawTurns as? [Any] {
                if list.isEmpty { messages.append("turns is empty") }
                for (index, item) in list.enumerated() {
                    if let turn = turn(item, number: index + 1) { turns.append(turn) }
                }
            } else {
                messages.append("turns must be a list")
            }
        }
        let status = string(object["status"], what: "status").flatMap { value -> ConversationStatus? in
            guard let status = ConversationStatus(rawValue: value) else {
                messages.append("unknown status \"\(value)\" (open, closed, handed_off or abandoned)")
                return nil
            }
            return status
        }
        guard messages.isEmpty, let id, let channel, let started else { return nil }
        return Transcript(id: id, channel: channel, started: started, turns: turns, location: location, status: status)
    }

    private mutating func turn(_ item: Any, number: Int) -> TranscriptTurn? {
        guard let object = item as? [String: Any] else {
            messages.append("turn \(number) is not an object")
            return nil
        }
        let before = messages.count
        let what = "turn \(number)"
        guard let roleText = string(object["role"], what: "\(what) role") else { return nil }
        guard let role = TranscriptTurn.Role(rawValue: roleText) else {
            messages.append("\(what): unknown role \"\(roleText)\" (customer or agent)")
            return nil
        }
        let text = string(object["text"], what: "\(what) text")
        if let text, let problem = Self.placeholderProblem(in: text) { messages.append("\(what): \(problem)") }
        var turn = TranscriptTurn(role: role, text: text ?? "")
        switch role {
        case .customer:
            checkKeys(object, allowed: ["role", "text", "intent", "sentiment", "intent_source", "confidence"],
                      required: ["role", "text"], what: "\(what) (customer)")
            readIntentSource(object, into: &turn, what: what)
            turn.intent = string(object["intent"], what: "\(what) intent").flatMap { intentName($0, what: what) }
            if object["intent"] == nil, object["intent_source"] != nil || object["confidence"] != nil {
                messages.append("\(what): intent_source and confidence describe an intent, and the turn has none")
            }
            if let raw = object["sentiment"] {
                let value = string(raw, what: "\(what) sentiment")
                turn.sentiment = value.flatMap(SentimentLabel.init(rawValue:))
                if let value, turn.sentiment == nil {
                    messages.append("\(what): unknown sentiment \"\(value)\" (negative, neutral or positive)")
                }
            }
        case .agent:
            checkKeys(object, allowed: ["role", "text", "feedback"], required: ["role", "text"], what: "\(what) (agent)")
            if let raw = object["feedback"] {
                turn.feedback = feedback(raw, what: what)
            }
        }
        return messages.count == before ? turn : nil
    }

    /// `intent_source` (default `label`) and `confidence`, which the bot's readings may carry and labels do not.
    private mutating func readIntentSource(_ object: [String: Any], into turn: inout TranscriptTurn, what: String) {
        if let value = string(object["intent_source"], what: "\(what) intent_source") {
            guard let source = IntentSource(rawValue: value) else {
                messages.append("\(what): unknown intent_source \"\(value)\" (label, predicted, confirmed or corrected)")
                return
            }
            turn.intentSource = source
        }
        if let raw = object["confidence"] {
            guard let number = raw as? NSNumber, (0...1).contains(number.doubleValue) else {
                messages.append("\(what): confidence must be a number from 0 to 1")
                return
            }
            turn.confidence = number.doubleValue
        }
        if turn.intentSource == .label, turn.confidence != nil {
            messages.append("\(what): confidence goes with the bot's readings (intent_source predicted, confirmed or corrected), not labels")
        }
    }

    private mutating func feedback(_ raw: Any, what: String) -> [TurnFeedback] {
        guard let items = raw as? [Any] else {
            messages.append("\(what): feedback must be a list")
            return []
        }
        var result: [TurnFeedback] = []
        for item in items {
            guard let object = item as? [String: Any] else {
                messages.append("\(what): a feedback item is not an object")
                continue
            }
            checkKeys(object, allowed: ["kind", "value"], required: ["kind", "value"], what: "\(what) feedback")
            guard let kind = object["kind"] as? String, let value = object["value"] as? String else { continue }
            switch kind {
            case "rating":
                guard value == "good" || value == "bad" else {
                    messages.append("\(what): rating must be \"good\" or \"bad\", not \"\(value)\"")
                    continue
                }
                result.append(.rating(good: value == "good"))
            case "corrected_intent":
                if let name = intentName(value, what: what) { result.append(.correctedIntent(name)) }
            case "better_reply":
                if value.allSatisfy(\.isWhitespace) {
                    messages.append("\(what): better_reply is empty")
                } else {
                    result.append(.betterReply(value))
                }
            default:
                messages.append("\(what): unknown feedback kind \"\(kind)\" (rating, corrected_intent, better_reply)")
            }
        }
        return result
    }

    private mutating func intentName(_ name: String, what: String) -> String? {
        if let knownIntents, !knownIntents.contains(name) {
            messages.append("\(what): unknown intent \"\(name)\"")
            return nil
        }
        return name
    }

    private mutating func checkKeys(_ object: [String: Any], allowed: Set<String>, required: [String], what: String) {
        for key in object.keys.sorted() where !allowed.contains(key) {
            messages.append("\(what): unexpected key \"\(key)\"")
        }
        for key in required where object[key] == nil {
            messages.append("\(what): missing key \"\(key)\"")
        }
    }

    /// A non-empty string value; nil (no message) when absent, since `checkKeys` reports that.
    private mutating func string(_ value: Any?, what: String) -> String? {
        guard let value else { return nil }
        guard let text = value as? String else {
            messages.append("\(what) must be a string")
            return nil
        }
        if text.allSatisfy(\.isWhitespace) {
            messages.append("\(what) is empty")
            return nil
        }
        return text
    }

    /// Parses `yyyy-MM-ddTHH:mm:ssZ` exactly (UTC, seconds, `Z`): what `ISO8601DateFormatter`
    /// reads and writes back unchanged, so offsets, fractions and impossible dates (Feb 30) fail.
    package static func parseTimestamp(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()  // UTC, `withInternetDateTime`, as TranscriptWriter writes
        guard let date = formatter.date(from: text), formatter.string(from: date) == text else { return nil }
        return date
    }
}
