// The rules of a turn (issue 7): hand off on request, on a `handoff: true` intent read with
// confidence, on anger or on a second miss in a row; ask to rephrase when unsure; ask for a
// missing slot and remember the intent; otherwise the generated reply if it passes the checks
// (well formed, finished, fillable, not a repeat, about this intent), else the template reply.
import ConversationStorage
import FileFormats
import Foundation
import Primitives
import Sentiment

/// Decides the bot's move for one customer message and updates the conversation's memory.
public struct DialoguePolicy: Sendable {
    /// The intents answered.
    public let catalog: IntentCatalog
    /// Fills and checks replies.
    public let composer: ReplyComposer
    /// Rejects generated replies that read like another intent's.
    let topicCheck: ReplyTopicCheck
    /// The intent that means "a human, please".
    public var handoffIntent = "human_handoff"
    /// Misses in a row that hand the conversation off (the "second miss").
    public var missesBeforeHandoff = 2
    /// A reading with less confidence than this that would hand off by intent (`complaint`,
    /// `human_handoff`, or negative `thanks` answered as `complaint`) is a miss, not a hand-off:
    /// "I've recorded your complaint" after "blorp wibble" (read as `complaint` at 0.38) would
    /// tell the customer something that did not happen.
    public var minimumHandoffConfidence = 0.5
    /// Guesses below this probability are not offered as suggestions (near-uniform guesses
    /// for gibberish would only confuse).
    public var minimumSuggestionConfidence = 0.1
    /// Words that make a message refer back to what was said before ("cancel it", "that order").
    public static let referenceWords: Set<String> = ["it", "its", "that", "this", "same", "them", "those", "these"]

    /// A policy for `catalog`.
    public init(catalog: IntentCatalog) {
        self.catalog = catalog
        composer = ReplyComposer(domain: catalog.domain, templates: catalog.intents.flatMap { $0.responses.map(\.text) })
        topicCheck = ReplyTopicCheck(catalog: catalog)
    }

    /// The move for `text`, read as `understanding` with `entities` and `sentiment`, after
    /// `escalation` was computed from the mood including this turn. A negative message of an
    /// intent with `when_negative` is answered as that intent. `generate(intent)` asks the
    /// language model for a delexicalised reply. Updates `state` (slots, pending intent, misses,
    /// template use).
    public func decide(text: String, understanding: Understanding, entities: [Entity], sentiment: SentimentLabel? = nil,
                       escalation: EscalationReason?, state: inout DialogueState,
                       generate: (String) throws -> String?) rethrows -> DialogueDecision {
        let given = Dictionary(entities.map { ($0.kind, $0.value) }, uniquingKeysWith: { _, latest in latest })
        let continuesPending = answersPendingSlot(text: text, understanding: understanding, entities: entities, state: state)
        var slots = given
        if continuesPending || refersBack(text) {
            slots = state.slots.merging(given) { _, new in new }
        }
        state.slots.merge(given) { _, new in new }

        if let escalation {
            state.pendingIntent = nil
            state.pendingSlot = nil
            return handOff(.sentiment(escalation), intent: understanding.isOutOfScope ? nil : understanding.intent)
        }
        let understood = continuesPending || !understanding.isOutOfScope
        let intentName = continuesPending ? (state.pendingIntent ?? understanding.intent) : understanding.intent
        guard understood, var intent = catalog.intent(named: intentName) else {
            return miss(understanding: understanding, state: &state)
        }
        if !continuesPending, sentiment == .negative, let redirect = intent.whenNegative.flatMap(catalog.intent(named:)) {
            intent = redirect
        }
        if !continuesPending, handsOff(intent), understanding.confidence < minimumHandoffConfidence {
            return miss(understanding: understanding, state: &state)
        }
        state.consecutiveMisses = 0
        state.pendingIntent = nil
        state.pendingSlot = nil
        if handsOff(intent) {
            var decision = try reply(for: intent, slots: slots, state: &state, generate: generate)
            decision.move = .handOff(intent.name == handoffIntent ? .requested : .intentRequiresHuman)
            return decision
        }
        if let missing = intent.slots.first(where: { slots[$0] == nil }), let question = intent.slotQuestions[missing] {
            state.pendingIntent = intent.name
            state.pendingSlot = missing
            return DialogueDecision(move: .askSlot(missing), intent: intent.name,
                                    reply: composer.fill(question, slots: slots), source: .template)
        }
        return try reply(for: intent, slots: slots, state: &state, generate: generate)
    }

    /// Whether answering `intent` hands the conversation to a person.
    func handsOff(_ intent: IntentDefinition) -> Bool {
        intent.name == handoffIntent || intent.handoff
    }

    /// Whether `text` contains a reference word.
    func refersBack(_ text: String) -> Bool {
        Self.words(text).contains { Self.referenceWords.contains($0) }
    }

    /// Lower-cased words (letters and apostrophes).
    static func words(_ text: String) -> [String] {
        Words.split(text, keeping: Words.lettersAndApostrophes).map(String.init)
    }

    /// The generated reply if it is about `intent` and passes the composer's checks, else the
    /// intent's template reply.
    private func reply(for intent: IntentDefinition, slots: [EntityKind: String], state: inout DialogueState,
                       generate: (String) throws -> String?) rethrows -> DialogueDecision {
        var rejection: String? = nil
        if let generated = try generate(intent.name) {
            if let closest = topicCheck.offTopic(generated, intent: intent.name) {
                rejection = ReplyRejection.offTopic(closest).description
            } else {
                switch composer.checked(generated, slots: slots, lastReply: state.lastBotReply) {
                case let .success(text):
                    return DialogueDecision(move: .answer, intent: intent.name, reply: text, source: .generated)
                case let .failure(reason):
                    rejection = reason.description
                }
            }
        }
        let use = state.templateUses[intent.name, default: 0]
        state.templateUses[intent.name] = use + 1
        guard let text = composer.templateReply(for: intent, use: use, slots: slots, lastReply: state.lastBotReply) else {
            return DialogueDecision(move: .answer, intent: intent.name, reply: Self.noTemplateReply, source: .fallback,
                                    rejectedGeneration: rejection)
        }
        return DialogueDecision(move: .answer, intent: intent.name, reply: text, source: .template,
                                rejectedGeneration: rejection)
    }

    /// A miss: ask to rephrase with suggestions, or hand off when misses reach the limit.
    private func miss(understanding: Understanding, state: inout DialogueState) -> DialogueDecision {
        state.consecutiveMisses += 1
        if state.consecutiveMisses >= missesBeforeHandoff {
            state.pendingIntent = nil
            state.pendingSlot = nil
            return handOff(.repeatedMisses, intent: nil)
        }
        let suggestions = understanding.ranked
            .filter { $0.confidence >= minimumSuggestionConfidence && catalog.intent(named: $0.intent) != nil }
            .prefix(3).map(\.intent)
        var reply = "Sorry, I'm not sure I understood. Could you rephrase that?"
        if suggestions.isEmpty {
            if let topics = Self.topicList(catalog) { reply += " I can help with \(topics)." }
        } else {
            let names = suggestions.map { $0.replacingOccurrences(of: "_", with: " ") }
            let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
            reply += " Did you mean: \(list)?"
        }
        return DialogueDecision(move: .rephrase, intent: nil, reply: reply, source: .fallback, suggestions: Array(suggestions))
    }

    /// What the bot offers when it has no suggestion: the `topics` of `_entities.yaml`, else the
    /// first five intents' names ("order status, refund status…"); nil for an empty catalog.
    package static func topicList(_ catalog: IntentCatalog) -> String? {
        let topics = catalog.domain.topics.isEmpty
            ? catalog.intents.prefix(5).map { $0.name.replacingOccurrences(of: "_", with: " ") }
            : catalog.domain.topics
        guard let last = topics.last else { return nil }
        return topics.count == 1 ? last : topics.dropLast().joined(separator: ", ") + " and " + last
    }

    /// An apology and the hand-over, with the shop's contact details when known.
    private func handOff(_ reason: HandoffReason, intent: String?) -> DialogueDecision {
        var reply = reason == .repeatedMisses
            ? "I'm sorry, I still don't understand. I'm handing you over to a colleague who can help."
            : "I'm really sorry about this. I'm handing you over to a colleague who will take care of it personally."
        if let email = composer.fixedValues["shop_email"], let phone = composer.fixedValues["shop_phone"] {
            reply += " You can also reach us at \(email) or \(phone)."
        }
        return DialogueDecision(move: .handOff(reason), intent: intent, reply: reply, source: .fallback)
    }

    /// Said when an intent has no response that can be filled (a catalog error).
    static let noTemplateReply = "I can help with that, but I need a colleague to finish it. I'm passing your request on."
}
