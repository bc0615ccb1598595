// The WordPiece model: greedy longest-match-first over a word, continuation pieces prefixed
// (`##`), a word longer than the limit or with an unmatched rest becomes the one unknown token.

/// A WordPiece vocabulary and its matching rule (HF `models.WordPiece`).
public struct WordPieceModel: Sendable {
    /// Token text by id.
    public let tokens: [String]
    /// The unknown token's id.
    public let unknownID: Int32
    /// The prefix of a piece that continues a word, `##` for BERT.
    public let continuingPrefix: String
    /// Words with more characters than this become the unknown token whole.
    public let maxCharactersPerWord: Int
    private let vocabulary: [[UInt8]: Int32]
    private let prefixBytes: [UInt8]

    /// A model over `tokens` (index = id); `unknownToken` must be one of them.
    public init(tokens: [String], unknownToken: String, continuingPrefix: String = "##",
                maxCharactersPerWord: Int = 100) throws(TokenizationError) {
        var vocabulary: [[UInt8]: Int32] = [:]
        vocabulary.reserveCapacity(tokens.count)
        for (id, token) in tokens.enumerated() { vocabulary[Array(token.utf8)] = Int32(id) }
        guard let unknownID = vocabulary[Array(unknownToken.utf8)] else {
            throw TokenizationError("model.unk_token: \(unknownToken) is not in model.vocab")
        }
        self.tokens = tokens
        self.unknownID = unknownID
        self.continuingPrefix = continuingPrefix
        self.maxCharactersPerWord = maxCharactersPerWord
        self.vocabulary = vocabulary
        self.prefixBytes = Array(continuingPrefix.utf8)
    }

    /// Vocabulary size.
    public var count: Int { tokens.count }

    /// The id of `token`, if it is in the vocabulary.
    public func id(of token: String) -> Int32? { vocabulary[Array(token.utf8)] }

    /// Appends the ids of one pre-tokenised word (UTF-8) to `out`.
    public func encode(word: [UInt8], into out: inout [Int32]) {
        if let whole = vocabulary[word] {
            out.append(whole)
            return
        }
        // Character boundaries (UTF-8 lead bytes), and the end.
        var boundaries: [Int] = []
        boundaries.reserveCapacity(word.count + 1)
        for (i, byte) in word.enumerated() where byte & 0xC0 != 0x80 { boundaries.append(i) }
        guard boundaries.count <= maxCharactersPerWord else {
            out.append(unknownID)
            return
        }
        boundaries.append(word.count)
        let mark = out.count
        var startIndex = 0
        var piece: [UInt8] = []
        while startIndex < boundaries.count - 1 {
            var endIndex = boundaries.count - 1
            var found: Int32?
            while endIndex > startIndex {
                piece.removeAll(keepingCapacity: true)
                if startIndex > 0 { piece.append(contentsOf: prefixBytes) }
                piece.append(contentsOf: word[boundaries[startIndex]..<boundaries[endIndex]])
                if let id = vocabulary[piece] {
                    found = id
                    break
                }
                endIndex -= 1
            }
            guard let found else {
                out.removeSubrange(mark...)
                out.append(unknownID)
                return
            }
            out.append(found)
            startIndex = endIndex
        }
    }
}
