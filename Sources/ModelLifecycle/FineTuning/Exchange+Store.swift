// The exchanges of stored conversations: `/intent` corrections and good ratings make labels (the
// bot's own readings do not), `/reply` texts and human agents' replies (after a hand-off) are
// reply targets, replies rated good stay targets and replies rated bad never are; with a judge,
// a bot reply the customer answered with a clearly negative turn or a hand-off never is either.
import ConversationStorage
import FileFormats
import Foundation
import LanguageModeling
import Primitives

extension Exchange {
    /// The exchanges of the conversations started at or after `since` (all when nil); with
    /// `judge`, each bot reply carries what the customer's next message said about it.
    public static func exchanges(in store: any ConversationStore, since: Date?, judge: ImplicitFeedback? = nil,
                                 maxContextTurns: Int = 6) throws -> [Exchange] {
        var byMessage: [UUID: [Feedback]] = [:]
        for item in try store.feedback(since: since) { byMessage[item.messageID, default: []].append(item) }
        var exchanges: [Exchange] = []
        for conversation in try store.conversations(since: since, limit: nil) {
            let messages = try store.messages(conversationID: conversation.id).filter { $0.role != .system }
            // The judge numbers turns without system messages, as `messages` does.
            let judgements = judge.map { byReply($0.judge(conversation: conversation, messages: messages)) } ?? [:]
            let id = TranscriptExporter.transcriptID(conversation)
            for (index, message) in messages.enumerated() where message.role == .customer {
                let reply = index + 1 < messages.count && messages[index + 1].role != .customer ? messages[index + 1] : nil
                let feedback = (byMessage[message.id] ?? []) + (reply.map { byMessage[$0.id] ?? [] } ?? [])
                var item = exchange(
                    customer: message, reply: reply, feedback: feedback,
                    context: messages[max(0, index - maxContextTurns)..<index].map {
                        ConversationTurn(speaker: $0.role == .customer ? .customer : .agent, text: $0.text)
                    })
                item.judged(judgements[ConversationTurnReference(conversation: id, turn: index + 1)],
                            improved: feedback.contains { $0.kind == .betterReply })
                exchanges.append(item)
            }
        }
        return exchanges
    }

    /// One stored customer message, its reply and the feedback on either, oldest feedback first.
    static func exchange(customer: Message, reply: Message?, feedback: [Feedback], context: [ConversationTurn]) -> Exchange {
        let ordered = feedback.sorted { $0.createdAt < $1.createdAt }
        let correction = ordered.last { $0.kind == .correctedIntent }?.value
        let better = ordered.last { $0.kind == .betterReply }?.value
        let rating = ordered.last { $0.kind == .rating }.flatMap { TranscriptStoreMapping.isGoodRating($0.value) }
        let label = correction ?? (rating == true ? customer.intent : nil)
        var target: String? = better
        if target == nil, let reply, rating != false, reply.role == .agent || rating == true { target = reply.text }
        return Exchange(context: context, text: customer.text, label: label, predicted: customer.intent,
                        sentiment: nil, replyTarget: target, replyRatedBad: rating == false && better == nil)
    }
}
