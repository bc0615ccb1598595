// The ids of the control tokens a chat model's sequences are built from, looked up once and
// checked to exist, plus one id per intent.
import Tokenization

/// Control and intent token ids of one tokenizer.
public struct SpecialTokenIDs: Sendable, Equatable {
    /// `<pad>`.
    public let pad: Int
    /// `<bos>`.
    public let bos: Int
    /// `<eos>`.
    public let eos: Int
    /// `<unk>`.
    public let unknown: Int
    /// `<customer>`.
    public let customer: Int
    /// `<agent>`.
    public let agent: Int
    /// `<cls>`.
    public let cls: Int
    /// `<intent:NAME>` for each intent, in label order.
    public let intents: [Int]

    /// Looks the tokens up in `tokenizer`; throws `.checkpointMismatch` naming every one missing.
    public init(tokenizer: Tokenizer, labels: LabelSet) throws(ChatModelError) {
        var missing: [String] = []
        func lookup(_ content: String) -> Int {
            if let id = tokenizer.id(of: content) { return id }
            missing.append(content)
            return 0
        }
        pad = lookup("<pad>")
        bos = lookup("<bos>")
        eos = lookup("<eos>")
        unknown = lookup("<unk>")
        customer = lookup("<customer>")
        agent = lookup("<agent>")
        cls = lookup("<cls>")
        intents = labels.intents.map { lookup(SpecialTokens.intent($0)) }
        guard missing.isEmpty else {
            throw ChatModelError(.checkpointMismatch,
                                 "the tokenizer lacks the tokens \(missing.joined(separator: ", "))")
        }
    }
}
