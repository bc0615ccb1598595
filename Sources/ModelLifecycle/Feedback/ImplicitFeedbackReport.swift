// The implicit feedback of many conversations: every judgement, counts per signal, the replies
// that must not be trained on and the queue of exchanges for a person to review.
import FileFormats

/// Implicit feedback over a set of conversations.
public struct ImplicitFeedbackReport: Sendable {
    /// Every judgement, in conversation then turn order.
    public var judgements: [ImplicitFeedbackJudgement] = []
    /// Replies looked at (agent or bot turns followed by a customer turn).
    public var repliesJudged = 0

    /// An empty report.
    public init() {}

    /// How many judgements have `signal`.
    public func count(_ signal: ImplicitFeedbackJudgement.Signal) -> Int {
        judgements.filter { $0.signal == signal }.count
    }

    /// Negative judgements (hand-offs and negative turns).
    public var negativeCount: Int { judgements.filter(\.signal.isNegative).count }
    /// Weak positives (thanks and positive turns).
    public var weakPositiveCount: Int { judgements.count - negativeCount }

    /// The replies judged negative: never reply targets.
    public var negativeReplies: Set<ConversationTurnReference> {
        Set(judgements.filter(\.signal.isNegative).map(\.reply))
    }

    /// The replies judged weakly positive.
    public var weakPositiveReplies: Set<ConversationTurnReference> {
        Set(judgements.filter { !$0.signal.isNegative }.map(\.reply))
    }

    /// The negative judgements, for a person to review (the question, the reply and what followed).
    public var reviewQueue: [ImplicitFeedbackJudgement] { judgements.filter(\.signal.isNegative) }

    /// `pairs` without the ones whose reply was judged negative.
    public func withoutNegativeReplies(_ pairs: [ReplyPair]) -> [ReplyPair] {
        let negative = negativeReplies
        return pairs.filter { !negative.contains(ConversationTurnReference(conversation: $0.transcriptID, turn: $0.agentTurn)) }
    }

    /// Counts for a report line: `replies_judged`, then each signal's count, in `Signal` order.
    public var counts: [(name: String, count: Int)] {
        [("replies_judged", repliesJudged)] + ImplicitFeedbackJudgement.Signal.allCases.map { ($0.rawValue, count($0)) }
    }

    /// Adds another report's judgements and counts.
    public mutating func add(_ other: ImplicitFeedbackReport) {
        judgements += other.judgements
        repliesJudged += other.repliesJudged
    }
}
