// A deterministic stand-in for the model in ticket tests: an intent per keyword, with a fixed
// confidence, out of scope when no keyword matches; no generation.
import Dialogue
import LanguageModeling

final class KeywordUnderstanding: LanguageUnderstanding {
    let modelVersion = "keywords-1"
    let keywords: [(word: String, intent: String, confidence: Double)]
    private(set) var batches: [[String]] = []

    init(_ keywords: [(String, String, Double)]) {
        self.keywords = keywords.map { (word: $0.0, intent: $0.1, confidence: $0.2) }
    }

    func analyse(_ text: String, context: [ConversationTurn]) throws -> Understanding {
        let lower = text.lowercased()
        guard let hit = keywords.first(where: { lower.contains($0.word) }) else {
            return Understanding(intent: keywords.first?.intent ?? "", confidence: 0.2, isOutOfScope: true)
        }
        return Understanding(intent: hit.intent, confidence: hit.confidence)
    }

    func analyse(batch texts: [String]) throws -> [Understanding] {
        batches.append(texts)
        return try texts.map { try analyse($0, context: []) }
    }

    func generateReply(intent: String, text: String, context: [ConversationTurn]) throws -> String? { nil }
}
