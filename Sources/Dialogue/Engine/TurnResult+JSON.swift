// One turn as a JSON object: the line `chatbot chat --json` prints and the body `chatbot serve`
// returns for a message, written once here so the two always agree.
import ConversationStorage
import FileFormats
import Foundation
import Primitives
import Sentiment

extension TurnResult {
    /// The turn as one JSON object, keys sorted: text, intent, detected_intent, confidence,
    /// entities, sentiment, reply_source, handed_off, move, suggestions, latency_ms,
    /// conversation_id, model_version and, when something failed, error.
    public var json: String {
        let line = JSONTurn(
            text: reply, intent: intent, detectedIntent: detectedIntent, confidence: confidence,
            entities: entities.map { .init(kind: $0.kind.rawValue, value: $0.value, text: $0.text) },
            sentiment: .init(label: sentiment.label.rawValue, score: sentiment.score),
            replySource: source.rawValue, handedOff: handedOff, move: moveName,
            suggestions: suggestions, latencyMilliseconds: latencyMilliseconds,
            conversationID: conversationID.uuidString.lowercased(), modelVersion: modelVersion,
            error: error ?? storageError.map { "storage: \($0)" })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(line), let text = String(data: data, encoding: .utf8) else { return "{}" }
        return text
    }
}

/// The JSON object of one turn.
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
