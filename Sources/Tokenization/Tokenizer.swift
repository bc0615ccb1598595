// The tokenizer: normaliser + pre-tokenizer + BPE model + added tokens. Encodes text to ids and
// decodes ids to text so that `decode(encode(s)).text == normalize(s)` for every string.
import Synchronization

/// A byte-level BPE tokenizer, loadable from and savable to HF `tokenizer.json`.
public struct Tokenizer: Sendable {
    /// The vocabulary and merges.
    public let model: BPEModel
    /// Normalisation applied to text between added tokens.
    public let normalizer: TextNormalizer
    /// The pre-tokenisation (GPT-2 regex, optionally with CJK ideographs isolated).
    public let preTokenizer: ByteLevelPreTokenizer
    /// Tokens matched whole before normalisation, in id order.
    public let addedTokens: [AddedToken]
    let matcher: AddedTokenMatcher
    let specialIDs: Set<Int>
    let cache = SharedEncoderState()

    /// A tokenizer from its parts; added tokens' ids must be inside the model's vocabulary.
    public init(model: BPEModel, normalizer: TextNormalizer, preTokenizer: ByteLevelPreTokenizer,
                addedTokens: [AddedToken]) throws(TokenizationError) {
        var model = model
        let maxID = addedTokens.map(\.id).max() ?? -1
        if maxID >= model.count {
            // Tokens beyond the BPE vocabulary (HF stores intents added later this way).
            var bytes = model.tokenBytes
            bytes += [[UInt8]](repeating: [], count: maxID + 1 - bytes.count)
            for token in addedTokens where token.id >= model.count { bytes[token.id] = Array(token.content.utf8) }
            model = try BPEModel(tokenBytes: bytes, merges: model.merges, ignoreMerges: model.ignoreMerges)
        }
        for token in addedTokens where token.id < 0 || model.tokenBytes[token.id] != Array(token.content.utf8) {
            throw TokenizationError("added token \(token.id) does not match the vocabulary entry for that id")
        }
        self.model = model
        self.normalizer = normalizer
        self.preTokenizer = preTokenizer
        self.addedTokens = addedTokens.sorted { $0.id < $1.id }
        self.matcher = AddedTokenMatcher(addedTokens)
        self.specialIDs = Set(addedTokens.filter(\.special).map(\.id))
    }

    /// Vocabulary size including added tokens.
    public var vocabularySize: Int { model.count }

    /// The id of an added token's text, e.g. `id(of: "<eos>")`.
    public func id(of content: String) -> Int? {
        addedTokens.first { $0.content == content }?.id
    }

    /// This tokenizer with more added tokens (e.g. `<intent:NAME>`) appended at new ids; known ones are kept.
    public func adding(_ contents: [String], special: Bool = true) throws(TokenizationError) -> Tokenizer {
        var tokens = addedTokens
        var nextID = model.count
        for content in contents where !content.isEmpty && !tokens.contains(where: { $0.content == content }) {
            tokens.append(AddedToken(id: nextID, content: content, special: special))
            nextID += 1
        }
        return try Tokenizer(model: model, normalizer: normalizer, preTokenizer: preTokenizer, addedTokens: tokens)
    }

    /// The text `decode(encode(text))` gives back: added tokens kept, the rest normalised.
    public func normalize(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { p in
            var output: [UInt8] = []
            forEachSegment(p, policy: .recognize) { segment, id in
                if let id {
                    output.append(contentsOf: model.tokenBytes[Int(id)])
                } else {
                    normalizer.normalize(segment, into: &output)
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Calls `body` for each stretch of ordinary text (id nil) and each added token (its id), in order.
    @inline(__always)
    func forEachSegment(_ p: UnsafeBufferPointer<UInt8>, policy: AddedTokenPolicy,
                        _ body: (UnsafeBufferPointer<UInt8>, Int32?) -> Void) {
        guard policy == .recognize, !matcher.isEmpty else {
            body(p, nil)
            return
        }
        var start = 0
        while let match = matcher.nextMatch(in: p, from: start) {
            if match.start > start { body(UnsafeBufferPointer(rebasing: p[start..<match.start]), nil) }
            body(UnsafeBufferPointer(rebasing: p[match.start..<match.end]), match.id)
            start = match.end
        }
        if start < p.count || p.isEmpty { body(UnsafeBufferPointer(rebasing: p[start..<p.count]), nil) }
    }

    /// Token ids of `text`.
    public func encode(_ text: String, addedTokens policy: AddedTokenPolicy = .recognize) -> [Int] {
        encodeIDs(text, policy: policy).map(Int.init)
    }

    /// Token ids of `text` as 32-bit integers (the form the model consumes).
    public func encodeIDs(_ text: String, policy: AddedTokenPolicy = .recognize) -> [Int32] {
        var out: [Int32] = []
        let encodeWith = { (state: inout EncoderState) in
            var copy = text
            copy.withUTF8 { encode($0, policy: policy, state: &state, into: &out) }
        }
        if cache.mutex.withLockIfAvailable({ encodeWith(&$0) }) == nil {
            var state = EncoderState()
            encodeWith(&state)
        }
        return out
    }

    /// Number of tokens in `text`.
    public func count(_ text: String, addedTokens policy: AddedTokenPolicy = .recognize) -> Int {
        encodeIDs(text, policy: policy).count
    }

    /// Appends the ids of UTF-8 text `p` to `out` using (and filling) the cache in `state`.
    func encode(_ p: UnsafeBufferPointer<UInt8>, policy: AddedTokenPolicy, state: inout EncoderState,
                into out: inout [Int32]) {
        forEachSegment(p, policy: policy) { segment, id in
            if let id {
                out.append(id)
            } else {
                state.encodeSegment(segment, tokenizer: self, into: &out)
            }
        }
    }
}

/// The per-tokenizer cache shared by single-text `encode` calls (one caller at a time uses it).
final class SharedEncoderState: Sendable {
    let mutex = Mutex(EncoderState())
}
