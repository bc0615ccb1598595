// Answers tickets in batches: the whole text and each of its sentences read in one model batch,
// every confident intent answered through the chat's own policy (slots, hand-off intents,
// generated or template replies), sentiment from the lexicon and the model's head, then routed.
import ConversationStorage
import Dialogue
import FileFormats
import Foundation
import Primitives
import Sentiment

/// Reads and answers tickets with one understanding. Not thread-safe: give each thread its own.
public final class TicketAnalyser {
    /// The intents and the ticket template.
    public let catalog: IntentCatalog
    /// Reply, routing and multi-intent settings.
    public let settings: TicketAnsweringSettings
    let understanding: any LanguageUnderstanding
    let sentimentCombination: SentimentCombination
    let policy: DialoguePolicy
    let extractor: EntityExtractor
    let lexicon = LexiconSentimentAnalyser()
    let frame: TicketReplyFrame
    let privacy: StoragePolicy

    /// An analyser for `catalog` reading with `understanding`.
    public init(catalog: IntentCatalog, understanding: any LanguageUnderstanding,
                sentimentCombination: SentimentCombination = .average(), settings: TicketAnsweringSettings = TicketAnsweringSettings()) {
        self.catalog = catalog
        self.understanding = understanding
        self.sentimentCombination = sentimentCombination
        self.settings = settings
        policy = DialoguePolicy(catalog: catalog)
        extractor = EntityExtractor(domain: catalog.domain)
        frame = TicketReplyFrame(catalog: catalog)
        privacy = catalog.domain.storagePolicy
    }

    /// The model version written with every answer.
    public var modelVersion: String { understanding.modelVersion }

    /// The answers to `tickets`, in order.
    ///
    /// - Throws: when the understanding fails on the batch.
    public func answer(_ tickets: [TicketRequest], now: Date = Date()) throws -> [TicketAnswer] {
        let started = ContinuousClock.now
        var texts: [String] = []
        var pieces: [[String]] = []
        for ticket in tickets {
            texts.append(ticket.text)
            let sentences = SentenceSplitter.split(ticket.text, limit: settings.maximumSentences)
            pieces.append(sentences.count > 1 ? sentences : [])
            texts += pieces[pieces.count - 1]
        }
        let readings = try understanding.analyse(batch: texts)
        let sharedMilliseconds = (ContinuousClock.now - started).seconds * 1000 / Double(max(1, tickets.count))
        var answers: [TicketAnswer] = []
        var next = 0
        for (ticket, sentences) in zip(tickets, pieces) {
            let own = ContinuousClock.now
            let whole = readings[next]
            let parts = Array(zip(sentences, readings[(next + 1)..<(next + 1 + sentences.count)]))
            next += 1 + sentences.count
            var answer = try self.answer(ticket, whole: whole, sentences: parts, now: now)
            answer.latencyMilliseconds = sharedMilliseconds + (ContinuousClock.now - own).seconds * 1000
            answers.append(answer)
        }
        return answers
    }

    /// One ticket from its readings: intents, replies through the policy, sentiment, route.
    private func answer(_ ticket: TicketRequest, whole: Understanding, sentences: [(String, Understanding)],
                        now: Date) throws -> TicketAnswer {
        let entities = extractor.entities(in: ticket.text, reference: now)
        let lexicalSentiment = lexicon.analyse(ticket.text)
        let head = CombinedSentimentAnalyser.isWordless(ticket.text) ? nil : whole.sentimentProbabilities
        let sentiment = sentimentCombination.combine(lexicon: lexicalSentiment, headProbabilities: head)
        var requests: [(text: String, reading: Understanding)] = whole.isOutOfScope ? [] : [(ticket.text, whole)]
        for (sentence, reading) in sentences where !reading.isOutOfScope
            && reading.confidence >= settings.additionalIntentConfidence
            && !requests.contains(where: { $0.reading.intent == reading.intent }) {
            requests.append((sentence, reading))
        }
        var reasons: Set<TicketRouteReason> = []
        if whole.isOutOfScope { reasons.insert(.outOfScope) } else if whole.confidence < settings.sendConfidence {
            reasons.insert(.lowConfidence)
        }
        if sentiment.label == .negative { reasons.insert(.negativeSentiment) }
        var human = sentiment.score <= settings.humanSentimentScore
        var state = DialogueState()
        var replies: [String] = []
        var sources: Set<ReplySource> = []
        var answered: [String] = []
        for request in requests {
            let decision = try policy.decide(text: request.text, understanding: request.reading, entities: entities,
                                             sentiment: sentiment.label, escalation: nil, state: &state) { intent in
                settings.generateReplies
                    ? try understanding.generateReply(intent: intent, text: request.text, context: []) : nil
            }
            switch decision.move {
            case .rephrase:
                reasons.insert(.noTemplate)
                human = true
                continue
            case .askSlot: reasons.insert(.missingSlot)
            case .handOff:
                reasons.insert(.handoffIntent)
                human = true
            case .answer: break
            }
            answered.append(request.reading.intent)
            replies.append(decision.reply)
            sources.insert(decision.source)
        }
        if replies.isEmpty {
            human = true
            replies = [settings.holdingReply]
        }
        let route: TicketRoute = human || reasons.contains(.outOfScope) ? .human : reasons.isEmpty ? .send : .review
        let source = sources.contains(.generated) ? "generated" : sources.contains(.template) ? "template" : "fallback"
        let framed = frame.reply(replies, customer: ticket.customer, plain: settings.plain)
        return TicketAnswer(
            id: ticket.key, location: ticket.location, intent: whole.intent, intents: answered,
            confidence: whole.confidence, top: Array(whole.ranked.prefix(3)), outOfScope: whole.isOutOfScope,
            entities: redacted(entities), sentimentLabel: sentiment.label.rawValue, sentimentScore: sentiment.score,
            reply: (try? privacy.cleaned(framed, field: "reply")) ?? privacy.redactor.redact(framed),
            replySource: source, route: route,
            reasons: TicketRouteReason.allCases.filter(reasons.contains), modelVersion: modelVersion,
            latencyMilliseconds: 0, customer: ticket.customer, text: ticket.text)
    }

    /// The entities with personal values (e-mail, phone, card…) replaced by their placeholders.
    private func redacted(_ entities: [Entity]) -> [TicketEntity] {
        entities.map { entity in
            let redacted = privacy.redactor.redact(entity.text)
            guard redacted != entity.text || privacy.redactor.redact(entity.value) != entity.value else {
                return TicketEntity(kind: entity.kind.rawValue, value: entity.value, text: entity.text)
            }
            let placeholder = "{\(entity.kind.rawValue)}"
            return TicketEntity(kind: entity.kind.rawValue, value: placeholder, text: placeholder)
        }
    }
}
