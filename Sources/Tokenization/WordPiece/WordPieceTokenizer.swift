// A BERT-family tokenizer: added tokens cut out first, then BertNormalizer, BertPreTokenizer,
// WordPiece, truncation and the `[CLS] … [SEP]` template. Ids equal HF `tokenizers` without padding
// (padding to a batch is the encoder's job).

/// The ids of one encoded text and their token type ids (segment A is 0).
public struct WordPieceEncoding: Sendable, Equatable {
    /// Token ids, template tokens included.
    public var ids: [Int32]
    /// Token type (segment) ids, one per token.
    public var typeIDs: [Int32]

    /// An encoding with the given ids and type ids.
    public init(ids: [Int32], typeIDs: [Int32]) {
        self.ids = ids
        self.typeIDs = typeIDs
    }
}

/// One element of a single-sequence template: a fixed special token or the text's tokens.
public enum WordPieceTemplateItem: Sendable, Equatable {
    /// A special token with its id and type id, e.g. `[CLS]`.
    case special(id: Int32, typeID: Int32)
    /// The text's own tokens with this type id.
    case sequence(typeID: Int32)
}

/// A WordPiece tokenizer read from a Hugging Face `tokenizer.json` (`model.type` "WordPiece").
public struct WordPieceTokenizer: Sendable {
    /// The vocabulary and matching rule.
    public let model: WordPieceModel
    /// Normalisation of the text between added tokens.
    public let normalizer: BertNormalizer
    /// Tokens matched whole in the raw text (`[CLS]`, `[SEP]`, `[PAD]`, `[MASK]`, `[UNK]`).
    public let addedTokens: [AddedToken]
    /// The single-sequence template (post-processor); empty means the text's tokens alone.
    public let template: [WordPieceTemplateItem]
    /// The most tokens an encoding has, template included (HF `truncation.max_length`), or nil.
    public let maxLength: Int?
    /// The padding token's id (`[PAD]`, or 0 when the file names none).
    public let paddingID: Int32
    private let matcher: AddedTokenMatcher

    /// A tokenizer from its parts.
    public init(model: WordPieceModel, normalizer: BertNormalizer, addedTokens: [AddedToken],
                template: [WordPieceTemplateItem], maxLength: Int?, paddingID: Int32) {
        self.model = model
        self.normalizer = normalizer
        self.addedTokens = addedTokens
        self.template = template
        self.maxLength = maxLength
        self.paddingID = paddingID
        self.matcher = AddedTokenMatcher(addedTokens)
    }

    /// Vocabulary size.
    public var vocabularySize: Int { model.count }

    /// This tokenizer truncating to at most `length` tokens (the smaller of this and its own limit).
    public func truncating(to length: Int) -> WordPieceTokenizer {
        WordPieceTokenizer(model: model, normalizer: normalizer, addedTokens: addedTokens, template: template,
                           maxLength: min(length, maxLength ?? length), paddingID: paddingID)
    }

    /// The text's tokens without the template or truncation.
    public func tokenIDs(_ text: String) -> [Int32] {
        var out: [Int32] = []
        var copy = text
        copy.withUTF8 { p in
            var start = 0
            while let match = matcher.isEmpty ? nil : matcher.nextMatch(in: p, from: start) {
                if match.start > start { encodePlain(UnsafeBufferPointer(rebasing: p[start..<match.start]), into: &out) }
                out.append(match.id)
                start = match.end
            }
            if start < p.count { encodePlain(UnsafeBufferPointer(rebasing: p[start...]), into: &out) }
        }
        return out
    }

    /// The encoding of `text`: tokens, truncated from the end to fit `maxLength`, inside the template.
    public func encode(_ text: String) -> WordPieceEncoding {
        var tokens = tokenIDs(text)
        let specials = template.filter { if case .special = $0 { true } else { false } }.count
        if let maxLength { tokens = Array(tokens.prefix(max(0, maxLength - specials))) }
        guard !template.isEmpty else {
            return WordPieceEncoding(ids: tokens, typeIDs: [Int32](repeating: 0, count: tokens.count))
        }
        var encoding = WordPieceEncoding(ids: [], typeIDs: [])
        for item in template {
            switch item {
            case .special(let id, let typeID):
                encoding.ids.append(id)
                encoding.typeIDs.append(typeID)
            case .sequence(let typeID):
                encoding.ids += tokens
                encoding.typeIDs += [Int32](repeating: typeID, count: tokens.count)
            }
        }
        return encoding
    }

    private func encodePlain(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [Int32]) {
        let text = normalizer.normalize(String(decoding: bytes, as: UTF8.self))
        for word in BertPreTokenizer.words(text) { model.encode(word: word, into: &out) }
    }
}
