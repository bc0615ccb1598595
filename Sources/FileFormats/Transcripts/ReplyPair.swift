// Customer → agent reply pairs drawn from transcripts, with the turns before them as context:
// the language model's reply-generation training data.

/// A customer message, the agent's reply to it and the conversation so far.
public struct ReplyPair: Hashable, Sendable {
    /// Earlier turns, oldest first (at most the requested number).
    public var context: [TranscriptTurn]
    /// The customer turn being answered.
    public var customer: TranscriptTurn
    /// The reply to learn: the reviewer's `better_reply` if there is one, else the agent's text.
    public var reply: String
    /// The intent: the agent turn's `corrected_intent` if there is one, else the customer's.
    public var intent: String?
    /// The transcript's id.
    public var transcriptID: String
    /// The index of the agent turn in the transcript's turns (0-based).
    public var agentTurn: Int
}

extension Transcript {
    /// Reply pairs of this conversation.
    ///
    /// An agent turn makes a pair when the turn right before it is the customer's. Agent turns
    /// rated `bad` without a `better_reply` are skipped, since they would teach a wrong reply.
    /// - Parameter maxContextTurns: how many earlier turns to keep (the most recent ones).
    public func replyPairs(maxContextTurns: Int = 6) -> [ReplyPair] {
        var pairs: [ReplyPair] = []
        for index in turns.indices.dropFirst() where turns[index].role == .agent && turns[index - 1].role == .customer {
            let agent = turns[index]
            var reply = agent.text
            var intent = turns[index - 1].intent
            var ratedBad = false
            var improved = false
            for item in agent.feedback {
                switch item {
                case .rating(let good): ratedBad = !good
                case .correctedIntent(let name): intent = name
                case .betterReply(let text): reply = text; improved = true
                }
            }
            if ratedBad && !improved { continue }
            let contextStart = max(0, index - 1 - max(0, maxContextTurns))
            pairs.append(ReplyPair(
                context: Array(turns[contextStart..<(index - 1)]), customer: turns[index - 1],
                reply: reply, intent: intent, transcriptID: id, agentTurn: index))
        }
        return pairs
    }
}

extension Array where Element == Transcript {
    /// Reply pairs of all transcripts, in order.
    public func replyPairs(maxContextTurns: Int = 6) -> [ReplyPair] {
        flatMap { $0.replyPairs(maxContextTurns: maxContextTurns) }
    }
}
