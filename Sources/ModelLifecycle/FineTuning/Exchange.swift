// One customer message and the reply to it, as the feedback loop reads them from a transcript
// file or the store: whether its intent is a person's label (a label, a correction, a
// confirmation) or only the bot's reading, whether its reply may be learned, and what the
// customer's next turn said about that reply (implicit feedback).
import FileFormats
import Foundation
import LanguageModeling
import Primitives

/// A customer turn with its reply and what the feedback says about both.
public struct Exchange: Sendable, Hashable {
    /// Earlier turns, oldest first.
    public var context: [ConversationTurn]
    /// What the customer wrote.
    public var text: String
    /// The intent a person gave or confirmed (a label, a correction, a good rating of the reply).
    public var label: String?
    /// The bot's own reading, never a label by itself.
    public var predicted: String?
    /// The customer turn's labelled sentiment.
    public var sentiment: SentimentLabel?
    /// A reply worth learning: a reviewer's better reply, a human agent's reply, or one rated good.
    public var replyTarget: String?
    /// Whether the reply was rated bad (it is then never a target).
    public var replyRatedBad: Bool
    /// What the customer's next turn said about the reply, when it said something: a negative
    /// judgement (hand-off, clearly negative turn) takes the reply's target away.
    public var implicitFeedback: ImplicitFeedbackJudgement?

    /// An exchange.
    public init(context: [ConversationTurn] = [], text: String, label: String? = nil, predicted: String? = nil,
                sentiment: SentimentLabel? = nil, replyTarget: String? = nil, replyRatedBad: Bool = false,
                implicitFeedback: ImplicitFeedbackJudgement? = nil) {
        self.context = context
        self.text = text
        self.label = label
        self.predicted = predicted
        self.sentiment = sentiment
        self.replyTarget = replyTarget
        self.replyRatedBad = replyRatedBad
        self.implicitFeedback = implicitFeedback
    }

    /// Records `judgement` on the reply; a negative one means the reply is never a target,
    /// unless a person wrote a better reply (`improved`), which is theirs, not the judged one.
    mutating func judged(_ judgement: ImplicitFeedbackJudgement?, improved: Bool) {
        implicitFeedback = judgement
        if judgement?.signal.isNegative == true, !improved { replyTarget = nil }
    }

    /// The exchanges of transcripts read from files. Their agent turns are the team's replies
    /// (targets unless rated bad without a better reply); a customer turn's intent is a label
    /// unless the file marks it as the bot's unchecked reading (`intent_source: predicted`).
    /// With `judge`, each reply carries what the customer's next turn said about it.
    public static func exchanges(of transcripts: [Transcript], judge: ImplicitFeedback? = nil, maxContextTurns: Int = 6) -> [Exchange] {
        let judgements = judge.map { Self.byReply($0.judge(transcripts)) } ?? [:]
        return transcripts.flatMap { transcript in
            let turns = transcript.turns
            return turns.indices.compactMap { index -> Exchange? in
                let customer = turns[index]
                guard customer.role == .customer else { return nil }
                let reply = index + 1 < turns.count && turns[index + 1].role == .agent ? turns[index + 1] : nil
                var label = customer.intentSource == .predicted ? nil : customer.intent
                var target = reply?.text
                var ratedBad = false
                for item in reply?.feedback ?? [] {
                    switch item {
                    case .rating(let good):
                        ratedBad = !good
                        if good, customer.intentSource == .predicted { label = customer.intent }
                    case .correctedIntent(let name): label = name
                    case .betterReply(let text): target = text
                    }
                }
                let improved = reply?.feedback.contains { if case .betterReply = $0 { true } else { false } } ?? false
                if ratedBad && !improved { target = nil }
                let contextStart = max(0, index - maxContextTurns)
                var exchange = Exchange(
                    context: turns[contextStart..<index].map { ConversationTurn(speaker: $0.role == .customer ? .customer : .agent, text: $0.text) },
                    text: customer.text, label: label, predicted: customer.intentSource == .predicted ? customer.intent : nil,
                    sentiment: customer.sentiment, replyTarget: target, replyRatedBad: ratedBad && !improved)
                exchange.judged(judgements[ConversationTurnReference(conversation: transcript.id, turn: index + 1)], improved: improved)
                return exchange
            }
        }
    }

    /// Judgements by the reply they judge (the first, should two conversations share an id).
    static func byReply(_ report: ImplicitFeedbackReport) -> [ConversationTurnReference: ImplicitFeedbackJudgement] {
        Dictionary(report.judgements.map { ($0.reply, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
