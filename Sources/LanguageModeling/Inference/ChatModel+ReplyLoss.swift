// How well a model predicts a given reply: the mean next-token loss of the reply's tokens and
// its `<eos>` after `… <customer> text <cls> [<intent:X>] <agent>`, the quantity training lowers
// on reply targets. It shows whether fine-tuning learned the replies it was given.
import Foundation
import TensorCore

extension ChatModel {
    /// The mean cross-entropy (nats per token) of `reply` as the answer to `text` after
    /// `context`, with `intent`'s token before `<agent>` when given (as training lays it out).
    public func replyLoss(_ reply: String, to text: String, context: [ConversationTurn] = [],
                          intent: String? = nil) throws(ChatModelError) -> Double {
        var continuation: [Int] = []
        if let intent {
            guard let index = labels.index(of: intent) else { throw ChatModelError(.invalidRequest, "unknown intent '\(intent)'") }
            continuation.append(tokens.intents[index])
        }
        let agentOffset = 1 + continuation.count  // <agent> after <cls> and the intent token
        continuation += [tokens.agent] + encoder.replyIDs(reply) + [tokens.eos]
        let (ids, clsPosition) = encoder.layout(text: text, context: context, continuation: continuation)
        // Rows from <agent> on predict the reply's tokens and <eos>; the layout may have cut them off.
        let firstRow = clsPosition + agentOffset, endRow = ids.count - 1
        guard firstRow < endRow else { throw ChatModelError(.invalidRequest, "the reply does not fit in the context window") }
        let rows = Array(firstRow..<endRow)
        network.isTraining = false
        let hidden: Tensor
        do {
            hidden = try network.runTrunk(ids, batch: 1, length: ids.count)
        } catch {
            throw ChatModelError(.invalidRequest, "cannot read the reply: \(error)")
        }
        let logits = network.languageModelLogits(ChatNetwork.gather(hidden, rows: rows, width: network.trunk.channels)).scalars
        let vocabulary = logits.count / rows.count
        var total = 0.0
        for (row, position) in rows.enumerated() {
            let scores = logits[(row * vocabulary)..<((row + 1) * vocabulary)]
            let top = Double(scores.max() ?? 0)
            let logSum = top + log(scores.reduce(0.0) { $0 + exp(Double($1) - top) })
            total += logSum - Double(scores[row * vocabulary + ids[position + 1]])
        }
        return total / Double(rows.count)
    }
}
