// Turns examples into token sequences with the layout
//   <bos> [<customer>|<agent> turn]* <customer> text <cls> [<intent:X>] [<agent> reply <eos>]
// and next-token targets (ignore index on pads, on the intent token after <cls>).
import Primitives
import Tokenization

/// One example as the network sees it.
struct EncodedExample: Sendable {
    /// The token ids (the network input), at most the context length.
    var ids: [Int]
    /// Next-token targets per position, `SequenceEncoder.ignore` where nothing is predicted.
    var targets: [Int]
    /// The position of `<cls>` in `ids`.
    var clsPosition: Int
    /// The intent's label index, or nil.
    var intent: Int?
    /// The sentiment's index, or nil.
    var sentiment: Int?
    /// Sparse n-gram features of the customer text.
    var features: SparseVector
}

/// Encodes examples and prompts for one tokenizer and context length.
struct SequenceEncoder: Sendable {
    /// The loss's ignore index.
    static let ignore = -100
    let tokenizer: Tokenizer
    let tokens: SpecialTokenIDs
    let labels: LabelSet
    let contextLength: Int

    /// The ids of customer-typed text: added-token text is kept as plain text.
    func customerIDs(_ text: String) -> [Int] { tokenizer.encode(text, addedTokens: .treatAsText) }

    /// The ids of a reply: placeholders become their tokens.
    func replyIDs(_ text: String) -> [Int] { tokenizer.encode(text, addedTokens: .recognize) }

    /// `<bos>`, the context turns that fit in front, `<customer> text <cls>`, then `continuation`
    /// (cut to fit), leaving `reserve` positions free. Returns the ids and the `<cls>` position.
    func layout(text: String, context: [ConversationTurn], continuation: [Int], reserve: Int = 0) -> (ids: [Int], cls: Int) {
        let window = max(4, contextLength - reserve)
        let body = Array(customerIDs(text).prefix(window - 3))
        let tail = Array(continuation.prefix(window - 3 - body.count))
        var room = window - 3 - body.count - tail.count
        var turns: [[Int]] = []
        for turn in context.reversed() {
            let marker = turn.speaker == .customer ? tokens.customer : tokens.agent
            let ids = [marker] + customerIDs(turn.text)
            guard ids.count <= room else { break }
            turns.append(ids)
            room -= ids.count
        }
        var ids = [tokens.bos]
        for turn in turns.reversed() { ids += turn }
        ids.append(tokens.customer)
        ids += body
        let cls = ids.count
        ids.append(tokens.cls)
        ids += tail
        return (ids, cls)
    }

    /// The training form of `example` with `features` attached.
    func encode(_ example: TrainingExample, features: SparseVector) -> EncodedExample {
        let intent = example.intent.flatMap(labels.index(of:))
        var continuation: [Int] = []
        if let reply = example.reply {
            if let intent { continuation.append(tokens.intents[intent]) }
            continuation += [tokens.agent] + replyIDs(reply) + [tokens.eos]
        }
        let (ids, cls) = layout(text: example.text, context: example.context, continuation: continuation)
        var targets = [Int](repeating: Self.ignore, count: ids.count)
        for i in 0..<(ids.count - 1) where i != cls { targets[i] = ids[i + 1] }
        return EncodedExample(ids: ids, targets: targets, clsPosition: cls, intent: intent,
                              sentiment: example.sentiment?.index, features: features)
    }
}
