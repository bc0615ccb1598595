// A conversation's dialogue memory as the JSON kept in `conversation_sessions.state`, so the
// next message may land on any replica. Slots are `{"kind","value"}` objects, so the store masks
// personal ones (e-mail, phone, card) like entities; a masked slot is forgotten when read back.
import ConversationStorage
import Dialogue
import FileFormats
import Foundation
import LanguageModeling
import Sentiment

/// The stored form of a `DialogueCheckpoint` (without the conversation row, stored apart).
package struct SessionState: Codable, Equatable {
    struct Turn: Codable, Equatable {
        var speaker: ConversationTurn.Speaker
        var text: String
    }

    struct Slot: Codable, Equatable {
        var kind: String
        var value: String
    }

    /// The mood's turn scores, rounded to 4 decimals: a score written with a long run of digits
    /// would look like a phone number to the store's redaction and break the JSON.
    struct Mood: Codable, Equatable {
        var decay: Double
        var trendWindow: Int
        var scores: [Double]

        enum CodingKeys: String, CodingKey {
            case decay, scores
            case trendWindow = "trend_window"
        }

        init(_ mood: ConversationMood) {
            decay = mood.decay
            trendWindow = mood.trendWindow
            scores = mood.scores.map { ($0 * 10_000).rounded() / 10_000 }
        }

        var conversationMood: ConversationMood {
            var mood = ConversationMood(decay: decay, trendWindow: trendWindow)
            for score in scores { mood.record(score) }
            return mood
        }
    }

    var format = "chatbot-session-state"
    var version = 1
    var recentTurns: [Turn]
    var slots: [Slot]
    var pendingIntent: String?
    var pendingSlot: String?
    var consecutiveMisses: Int
    var mood: Mood
    var templateUses: [String: Int]
    var handedOff: Bool
    /// The message ids in letters only (`LetterID`).
    var lastCustomerMessage: String?
    var lastBotMessage: String?

    enum CodingKeys: String, CodingKey {
        case format, version, slots, mood
        case recentTurns = "recent_turns", pendingIntent = "pending_intent", pendingSlot = "pending_slot"
        case consecutiveMisses = "consecutive_misses", templateUses = "template_uses", handedOff = "handed_off"
        case lastCustomerMessage = "last_customer_message", lastBotMessage = "last_bot_message"
    }

    /// The state of `checkpoint`.
    package init(_ checkpoint: DialogueCheckpoint) {
        let state = checkpoint.state
        recentTurns = state.recentTurns.map { Turn(speaker: $0.speaker, text: $0.text) }
        slots = state.slots.map { Slot(kind: $0.key.rawValue, value: $0.value) }.sorted { $0.kind < $1.kind }
        pendingIntent = state.pendingIntent
        pendingSlot = state.pendingSlot?.rawValue
        consecutiveMisses = state.consecutiveMisses
        mood = Mood(state.mood)
        templateUses = state.templateUses
        handedOff = state.handedOff
        lastCustomerMessage = checkpoint.lastCustomerMessageID.map(LetterID.encode)
        lastBotMessage = checkpoint.lastBotMessageID.map(LetterID.encode)
    }

    /// The state of a conversation that has not started talking.
    static func empty(_ conversation: Conversation) -> SessionState {
        SessionState(DialogueCheckpoint(conversation: conversation, state: DialogueState()))
    }

    /// The JSON text, keys sorted.
    package func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads a stored state; throws `unavailable` when it is not one (a damaged row).
    package static func decoded(_ text: String) throws(ServingError) -> SessionState {
        guard let state = try? JSONDecoder().decode(SessionState.self, from: Data(text.utf8)),
              state.format == "chatbot-session-state", state.version == 1
        else { throw .unavailable("the conversation's stored state is unreadable") }
        return state
    }

    /// The checkpoint to resume `conversation` from; masked (redacted) slots are dropped.
    package func checkpoint(_ conversation: Conversation, contextLimit: Int) -> DialogueCheckpoint {
        var state = DialogueState(contextLimit: contextLimit)
        for turn in recentTurns { state.remember(ConversationTurn(speaker: turn.speaker, text: turn.text)) }
        for slot in slots {
            guard let kind = EntityKind(rawValue: slot.kind), !Self.isMasked(slot.value) else { continue }
            state.slots[kind] = slot.value
        }
        state.pendingIntent = pendingIntent
        state.pendingSlot = pendingSlot.flatMap(EntityKind.init(rawValue:))
        state.consecutiveMisses = consecutiveMisses
        state.mood = mood.conversationMood
        state.templateUses = templateUses
        state.handedOff = handedOff
        return DialogueCheckpoint(conversation: conversation, state: state,
                                  lastCustomerMessageID: lastCustomerMessage.flatMap(LetterID.decode),
                                  lastBotMessageID: lastBotMessage.flatMap(LetterID.decode))
    }

    private static func isMasked(_ value: String) -> Bool {
        Redactor.Kind.allCases.contains { $0.placeholder == value }
    }
}

/// A UUID written with letters only: hex digits 0–9 become g–p, a–f stay. A UUID's runs of decimal
/// digits ("…-1234-5678-…") could otherwise read as a phone number to the store's redaction.
enum LetterID {
    private static let digits = Array("0123456789")
    private static let letters = Array("ghijklmnop")

    /// The 32-letter form of `id`.
    static func encode(_ id: UUID) -> String {
        String(id.uuidString.lowercased().compactMap { character -> Character? in
            if character == "-" { return nil }
            return digits.firstIndex(of: character).map { letters[$0] } ?? character
        })
    }

    /// The UUID of a 32-letter form, or nil.
    static func decode(_ text: String) -> UUID? {
        let hex = text.map { character in letters.firstIndex(of: character).map { digits[$0] } ?? character }
        guard hex.count == 32 else { return nil }
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(hex[$0]) }
        return UUID(uuidString: groups.joined(separator: "-"))
    }
}
