// Reads a Hugging Face `tokenizer.json` whose model is WordPiece (BERT, MiniLM, bge): the
// BertNormalizer, the BertPreTokenizer, TemplateProcessing or BertProcessing, truncation. Anything
// else is an error naming the JSON path, never a silent approximation.
import Foundation

extension WordPieceTokenizer {
    /// Loads a `tokenizer.json` file; errors name the file.
    public init(contentsOfFile path: String) throws(TokenizationError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TokenizationError("cannot read file", file: path)
        }
        do {
            try self.init(huggingFaceJSON: data)
        } catch {
            throw error.inFile(path)
        }
    }

    /// Parses `tokenizer.json` bytes.
    public init(huggingFaceJSON data: Data) throws(TokenizationError) {
        guard let object = try? JSONSerialization.jsonObject(with: data), let root = object as? [String: Any] else {
            throw TokenizationError("not a JSON object")
        }
        guard let modelObject = root["model"] as? [String: Any] else { throw TokenizationError("model: missing") }
        guard modelObject["type"] as? String == "WordPiece" else {
            throw TokenizationError("model.type: \(modelObject["type"] ?? "missing") is not WordPiece")
        }
        let model = try Self.parseModel(modelObject)
        let added = try Tokenizer.parseAddedTokens(root["added_tokens"])
        if let list = root["added_tokens"] as? [[String: Any]],
           let index = list.firstIndex(where: { $0["normalized"] as? Bool == true }) {
            throw TokenizationError("added_tokens[\(index)].normalized: true is not supported")
        }
        for token in added where model.id(of: token.content).map(Int.init) != token.id {
            throw TokenizationError("added_tokens: \(token.content) is not id \(token.id) in model.vocab")
        }
        let template = try Self.parseTemplate(root["post_processor"], model: model)
        var maxLength: Int?
        if let truncation = root["truncation"] as? [String: Any] {
            guard let length = truncation["max_length"] as? Int, length > 0 else {
                throw TokenizationError("truncation.max_length: needs a positive integer")
            }
            if let direction = truncation["direction"] as? String, direction != "Right" {
                throw TokenizationError("truncation.direction: \(direction) is not supported (only Right)")
            }
            maxLength = length
        }
        self.init(model: model, normalizer: try Self.parseNormalizer(root["normalizer"]), addedTokens: added,
                  template: template, maxLength: maxLength, paddingID: model.id(of: "[PAD]") ?? 0)
        try Self.checkPreTokenizer(root["pre_tokenizer"])
    }

    private static func parseModel(_ object: [String: Any]) throws(TokenizationError) -> WordPieceModel {
        guard let vocab = object["vocab"] as? [String: Int], !vocab.isEmpty else {
            throw TokenizationError("model.vocab: missing")
        }
        guard vocab.count <= 4_000_000, vocab.values.allSatisfy({ $0 >= 0 && $0 < vocab.count }),
              Set(vocab.values).count == vocab.count else {
            throw TokenizationError("model.vocab: ids must be 0..<\(vocab.count), each once")
        }
        var tokens = [String](repeating: "", count: vocab.count)
        for (token, id) in vocab { tokens[id] = token }
        return try WordPieceModel(
            tokens: tokens, unknownToken: object["unk_token"] as? String ?? "[UNK]",
            continuingPrefix: object["continuing_subword_prefix"] as? String ?? "##",
            maxCharactersPerWord: object["max_input_chars_per_word"] as? Int ?? 100)
    }

    private static func parseNormalizer(_ value: Any?) throws(TokenizationError) -> BertNormalizer {
        guard let object = value as? [String: Any] else {
            if value == nil || value is NSNull { return .identity }
            throw TokenizationError("normalizer: not an object")
        }
        guard object["type"] as? String == "BertNormalizer" else {
            throw TokenizationError("normalizer.type: \(object["type"] ?? "missing") is not supported (only BertNormalizer)")
        }
        return BertNormalizer(cleanText: object["clean_text"] as? Bool ?? true,
                              handleChineseCharacters: object["handle_chinese_chars"] as? Bool ?? true,
                              stripAccents: object["strip_accents"] as? Bool,
                              lowercase: object["lowercase"] as? Bool ?? true)
    }

    private static func checkPreTokenizer(_ value: Any?) throws(TokenizationError) {
        guard let object = value as? [String: Any], object["type"] as? String == "BertPreTokenizer" else {
            throw TokenizationError("pre_tokenizer: only BertPreTokenizer is supported")
        }
    }

    /// TemplateProcessing's `single`, or BertProcessing's `cls`/`sep`, or nothing.
    private static func parseTemplate(_ value: Any?, model: WordPieceModel) throws(TokenizationError)
        -> [WordPieceTemplateItem] {
        guard let object = value as? [String: Any] else {
            if value == nil || value is NSNull { return [] }
            throw TokenizationError("post_processor: not an object")
        }
        switch object["type"] as? String {
        case "TemplateProcessing":
            guard let single = object["single"] as? [[String: Any]] else {
                throw TokenizationError("post_processor.single: missing")
            }
            let specials = object["special_tokens"] as? [String: [String: Any]] ?? [:]
            var items: [WordPieceTemplateItem] = []
            for (i, piece) in single.enumerated() {
                if let special = piece["SpecialToken"] as? [String: Any], let name = special["id"] as? String {
                    let typeID = Int32(special["type_id"] as? Int ?? 0)
                    guard let ids = specials[name]?["ids"] as? [Int], ids.count == 1 else {
                        throw TokenizationError("post_processor.special_tokens.\(name): needs one id")
                    }
                    items.append(.special(id: Int32(ids[0]), typeID: typeID))
                } else if let sequence = piece["Sequence"] as? [String: Any], sequence["id"] as? String == "A" {
                    items.append(.sequence(typeID: Int32(sequence["type_id"] as? Int ?? 0)))
                } else {
                    throw TokenizationError("post_processor.single[\(i)]: not a SpecialToken or Sequence A")
                }
            }
            return items
        case "BertProcessing":
            guard let cls = object["cls"] as? [Any], cls.count == 2, let clsID = cls[1] as? Int,
                  let sep = object["sep"] as? [Any], sep.count == 2, let sepID = sep[1] as? Int else {
                throw TokenizationError("post_processor: BertProcessing needs cls and sep as [token, id]")
            }
            return [.special(id: Int32(clsID), typeID: 0), .sequence(typeID: 0), .special(id: Int32(sepID), typeID: 0)]
        default:
            throw TokenizationError("post_processor.type: \(object["type"] ?? "missing") is not supported")
        }
    }
}
