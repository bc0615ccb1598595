// The dialogue engine: one conversation at a time, each customer message read (entities,
// intent, sentiment), decided by the policy, and stored with its reply before the reply returns.
// A failure inside a turn gives an apology and leaves the conversation's memory as it was.
import ConversationStorage
import FileFormats
import Foundation
import LanguageModeling
import Primitives
import Sentiment

/// Runs conversations against an intent catalog, an understanding and a store.
///
/// Thread-safe: every public call takes the engine's lock, so a signal handler on another
/// thread may end the conversation while the main thread waits for input.
public final class DialogueEngine: @unchecked Sendable {
    /// The intents and their replies.
    public let catalog: IntentCatalog
    /// Where turns and feedback go.
    public let store: any ConversationStore
    /// The decision rules.
    public let policy: DialoguePolicy
    let understanding: any LanguageUnderstanding
    let extractor: EntityExtractor
    let sentimentAnalyser: LexiconSentimentAnalyser
    let sentimentCombination: SentimentCombination
    let escalation: EscalationPolicy
    let now: @Sendable () -> Date
    let contextLimit: Int
    let lock = NSLock()

    var current = DialogueState()
    var conversation: Conversation?
    var lastCustomerMessageID: UUID?
    var lastBotMessageID: UUID?

    /// An engine; nothing is stored until the first message.
    ///
    /// - Parameters:
    ///   - sentiment: the lexicon that reads each customer message and gives the drivers.
    ///   - sentimentCombination: joins that reading with the understanding's sentiment head, if it has one.
    ///   - contextLimit: turns (customer and bot) passed to the understanding as context.
    ///   - now: the clock for timestamps and relative dates ("tomorrow").
    public init(catalog: IntentCatalog, understanding: any LanguageUnderstanding, store: any ConversationStore,
                sentiment: LexiconSentimentAnalyser = LexiconSentimentAnalyser(), sentimentCombination: SentimentCombination = .average(),
                escalation: EscalationPolicy = DialogueEngine.defaultEscalation,
                contextLimit: Int = 6, now: @escaping @Sendable () -> Date = { Date() }) {
        self.catalog = catalog
        self.understanding = understanding
        self.store = store
        self.policy = DialoguePolicy(catalog: catalog)
        self.extractor = EntityExtractor(domain: catalog.domain)
        self.sentimentAnalyser = sentiment
        self.sentimentCombination = sentimentCombination
        self.escalation = escalation
        self.contextLimit = contextLimit
        self.now = now
        self.current = DialogueState(contextLimit: contextLimit)
    }

    /// The model version stored with every message.
    public var modelVersion: String { understanding.modelVersion }

    /// The memory of the current conversation.
    public var state: DialogueState { lock.withLock { current } }

    /// The current conversation's id, or nil before its first message.
    public var conversationID: UUID? { lock.withLock { conversation?.id } }

    /// Reads one customer message and returns the reply; the customer turn, the reply and a
    /// hand-off are in the store when this returns. Never throws: failures become an apology
    /// (`error`) or a note (`storageError`).
    public func respond(to text: String) -> TurnResult {
        lock.withLock { respondLocked(to: text, session: nil).result }
    }

    /// Reads one customer message of a resumed conversation (a server's) and stores the turn
    /// together with the session `session` makes of the checkpoint after it, all or nothing
    /// (`ConversationStore.saveTurn`): one transaction instead of one per message and one for
    /// the state. `saved` is false when the turn was not stored: another replica moved the
    /// session on first, or the store failed (`result.storageError`).
    public func respond(to text: String, savingSession session: @escaping (DialogueCheckpoint) -> ConversationSession)
        -> (result: TurnResult, saved: Bool)
    {
        lock.withLock { respondLocked(to: text, session: session) }
    }

    /// Ends the current conversation (closed, unless it was handed off) and forgets its memory;
    /// the next message starts a new one.
    public func startNewConversation() throws(StorageError) {
        lock.lock()
        defer { lock.unlock() }
        try endLocked(status: .closed)
    }

    /// Ends the current conversation with `status` (if one was started and is still open).
    public func end(status: ConversationStatus = .closed) throws(StorageError) {
        lock.lock()
        defer { lock.unlock() }
        try endLocked(status: status)
    }

    private func endLocked(status: ConversationStatus) throws(StorageError) {
        defer {
            conversation = nil
            current = DialogueState(contextLimit: contextLimit)
            lastCustomerMessageID = nil
            lastBotMessageID = nil
        }
        guard let open = conversation, !current.handedOff else { return }
        try store.endConversation(id: open.id, status: status, at: now())
    }

    private func respondLocked(to text: String, session: ((DialogueCheckpoint) -> ConversationSession)?)
        -> (result: TurnResult, saved: Bool)
    {
        var storageError: String? = nil
        if conversation == nil || current.handedOff {
            current = DialogueState(contextLimit: contextLimit)
            let fresh = Conversation(channel: .chat, startedAt: now())
            conversation = fresh
            do { try store.startConversation(fresh) } catch { storageError = error.description }
        }
        let conversationID = conversation?.id ?? UUID()
        let started = ContinuousClock.now
        let entities = extractor.entities(in: text, reference: now())
        var next = current
        var result: TurnResult
        do {
            let understood = try understanding.analyse(text, context: next.recentTurns)
            let lexicon = sentimentAnalyser.analyse(text)
            let head = CombinedSentimentAnalyser.isWordless(text) ? nil : understood.sentimentProbabilities
            let sentiment = sentimentCombination.combine(lexicon: lexicon, headProbabilities: head)
            next.mood.record(sentiment)
            let reason = escalation.reason(for: next.mood)
            let context = next.recentTurns
            let decision = try policy.decide(text: text, understanding: understood, entities: entities,
                                             sentiment: sentiment.label, escalation: reason,
                                             state: &next) { intent in
                try understanding.generateReply(intent: intent, text: text, context: context)
            }
            result = TurnResult(
                reply: decision.reply, move: decision.move, intent: decision.intent,
                detectedIntent: understood.intent.isEmpty ? nil : understood.intent, confidence: understood.confidence,
                ranked: understood.ranked, entities: entities, sentiment: sentiment, source: decision.source,
                handedOff: decision.handsOff, suggestions: decision.suggestions, latencyMilliseconds: 0,
                conversationID: conversationID, modelVersion: modelVersion)
        } catch {
            next = current
            result = TurnResult(
                reply: Self.errorReply, move: .rephrase, intent: nil, detectedIntent: nil, confidence: nil, ranked: [],
                entities: entities, sentiment: sentimentAnalyser.analyse(text), source: .fallback, handedOff: false,
                suggestions: [], latencyMilliseconds: 0, conversationID: conversationID, modelVersion: modelVersion,
                error: String(describing: error))
        }
        result.latencyMilliseconds = (ContinuousClock.now - started).seconds * 1000
        next.remember(ConversationTurn(speaker: .customer, text: text))
        next.remember(ConversationTurn(speaker: .agent, text: result.reply))
        next.handedOff = result.handedOff
        current = next
        let stored = store(result, customerText: text, session: session)
        if let problem = stored.problem { storageError = storageError ?? problem }
        result.storageError = storageError
        return (result, stored.saved)
    }

    /// Appends the customer message and the reply (without the customer's personal data it
    /// repeats) and marks a hand-off, with the session in one `saveTurn` when there is one; the
    /// first error, if any, and whether it was stored. A message the bot did not understand
    /// (asked to rephrase, or handed off after misses) is stored without an intent: its best
    /// guess is not what the customer meant.
    private func store(_ result: TurnResult, customerText: String,
                       session: ((DialogueCheckpoint) -> ConversationSession)?) -> (problem: String?, saved: Bool) {
        let time = now()
        let customer = Message(
            conversationID: result.conversationID, role: .customer, text: customerText,
            intent: result.intent == nil ? nil : result.detectedIntent,
            confidence: result.confidence, entitiesJSON: result.entitiesJSON, sentimentLabel: result.sentiment.label.rawValue,
            sentimentScore: result.sentiment.score, modelVersion: result.modelVersion, createdAt: time)
        let personal = current.slots.map { (kind: $0.key, value: $0.value) } + result.entities.map { (kind: $0.kind, value: $0.value) }
        let bot = Message(
            conversationID: result.conversationID, role: .bot, text: StoredReply.text(result.reply, personal: personal),
            intent: result.intent,
            replySource: result.source, modelVersion: result.modelVersion,
            latencyMilliseconds: result.latencyMilliseconds, createdAt: time)
        lastCustomerMessageID = customer.id
        lastBotMessageID = bot.id
        do {
            if let session, let checkpoint = checkpointLocked {
                let turn = SessionTurn(messages: [customer, bot], endingStatus: result.handedOff ? .handedOff : nil,
                                       time: time, session: session(checkpoint))
                return (nil, try store.saveTurn(turn))
            }
            try store.appendMessage(customer)
            try store.appendMessage(bot)
            if result.handedOff { try store.endConversation(id: result.conversationID, status: .handedOff, at: time) }
            return (nil, true)
        } catch {
            return (error.description, false)
        }
    }

    /// The Sentiment module's escalation rules with a stricter single-turn threshold (−0.85
    /// instead of −0.6). With a sentiment head the score is the combination's P(positive) −
    /// P(negative) scaled by (1 + |lexicon score|) / 2 (fitted combiner) or the mean of the two
    /// (average), so −0.85 needs the model sure it is negative and a lexicon score of −0.7 or
    /// below: one valence −3 phrase (−0.61: "still waiting", "never arrived", often the request
    /// itself) does not hand off, "useless" or "unacceptable!!!" does. The lexicon alone reaches
    /// it with the same strong words (−0.86, −0.95).
    public static let defaultEscalation: EscalationPolicy = {
        var policy = EscalationPolicy()
        policy.lastTurnThreshold = -0.85
        return policy
    }()

    /// The apology given when a turn fails inside the engine.
    public static let errorReply = "Sorry, something went wrong on my side. Could you say that again?"
}
