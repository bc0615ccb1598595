// Reads Hugging Face `tokenizer.json` (BPE model, ByteLevel pre-tokenizer and decoder, our
// optional CJK `Split`, NFKC/Lowercase/Replace normalizers, added tokens). Anything else is an
// error naming the JSON path, never a silent approximation.
import Foundation

extension Tokenizer {
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
        guard let object = try? JSONSerialization.jsonObject(with: data),
              let root = object as? [String: Any] else {
            throw TokenizationError("not a JSON object")
        }
        guard let modelObject = root["model"] as? [String: Any] else { throw TokenizationError("model: missing") }
        if let type = modelObject["type"] as? String, type != "BPE" {
            throw TokenizationError("model.type: \(type) is not supported (only BPE)")
        }
        for key in ["continuing_subword_prefix", "end_of_word_suffix", "dropout"] {
            if let value = modelObject[key], !(value is NSNull) {
                throw TokenizationError("model.\(key): not supported")
            }
        }
        let added = try Self.parseAddedTokens(root["added_tokens"])
        let (tokenBytes, vocabulary) = try Self.parseVocabulary(modelObject["vocab"], added: added)
        let merges = try Self.parseMerges(modelObject["merges"], vocabulary: vocabulary)
        let model = try BPEModel(tokenBytes: tokenBytes, merges: merges,
                                 ignoreMerges: modelObject["ignore_merges"] as? Bool ?? false)
        try self.init(model: model, normalizer: Self.parseNormalizer(root["normalizer"]),
                      preTokenizer: Self.parsePreTokenizer(root["pre_tokenizer"]), addedTokens: added)
    }

    /// Ids at or above this are refused: no real vocabulary comes near, and a bad file must not allocate its way there.
    private static let tokenIDLimit = 4_000_000

    static func parseAddedTokens(_ value: Any?) throws(TokenizationError) -> [AddedToken] {
        guard let list = value as? [[String: Any]] else { return [] }
        var tokens: [AddedToken] = []
        for (i, entry) in list.enumerated() {
            guard let id = entry["id"] as? Int, let content = entry["content"] as? String else {
                throw TokenizationError("added_tokens[\(i)]: needs id and content")
            }
            guard (0..<Self.tokenIDLimit).contains(id) else { throw TokenizationError("added_tokens[\(i)].id: \(id) is out of range") }
            for flag in ["single_word", "lstrip", "rstrip"] where entry[flag] as? Bool == true {
                throw TokenizationError("added_tokens[\(i)].\(flag): not supported")
            }
            tokens.append(AddedToken(id: id, content: content, special: entry["special"] as? Bool ?? false))
        }
        return tokens
    }

    private static func parseVocabulary(_ value: Any?, added: [AddedToken]) throws(TokenizationError)
        -> ([[UInt8]], [String: Int32]) {
        guard let vocab = value as? [String: Int] else { throw TokenizationError("model.vocab: missing") }
        let size = max(vocab.values.max() ?? -1, added.map(\.id).max() ?? -1) + 1
        guard size <= Self.tokenIDLimit, vocab.values.allSatisfy({ $0 >= 0 }) else {
            throw TokenizationError("model.vocab: ids out of range")
        }
        var tokenBytes = [[UInt8]](repeating: [], count: size)
        var vocabulary: [String: Int32] = [:]
        for (token, id) in vocab {
            tokenBytes[id] = ByteLevelAlphabet.bytes(for: token) ?? Array(token.utf8)
            vocabulary[token] = Int32(id)
        }
        for token in added where vocab[token.content] == nil { tokenBytes[token.id] = Array(token.content.utf8) }
        return (tokenBytes, vocabulary)
    }

    private static func parseMerges(_ value: Any?, vocabulary: [String: Int32]) throws(TokenizationError)
        -> [(left: Int32, right: Int32, merged: Int32)] {
        guard let list = value as? [Any] else { throw TokenizationError("model.merges: missing") }
        var merges: [(left: Int32, right: Int32, merged: Int32)] = []
        merges.reserveCapacity(list.count)
        for (i, entry) in list.enumerated() {
            let parts: [String]
            if let pair = entry as? [String] {
                parts = pair
            } else if let text = entry as? String {
                parts = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            } else {
                parts = []
            }
            guard parts.count == 2 else { throw TokenizationError("model.merges[\(i)]: not a pair") }
            guard let left = vocabulary[parts[0]], let right = vocabulary[parts[1]],
                  let merged = vocabulary[parts[0] + parts[1]] else {
                throw TokenizationError("model.merges[\(i)]: a token is not in the vocabulary")
            }
            merges.append((left, right, merged))
        }
        return merges
    }

    static func parseNormalizer(_ value: Any?) throws(TokenizationError) -> TextNormalizer {
        guard let object = value as? [String: Any] else { return .identity }
        var normalizer = TextNormalizer.identity
        let steps = object["type"] as? String == "Sequence" ? (object["normalizers"] as? [[String: Any]] ?? []) : [object]
        for (i, step) in steps.enumerated() {
            switch step["type"] as? String {
            case "NFKC": normalizer.nfkc = true
            case "Lowercase": normalizer.lowercase = true
            case "Replace":
                let pattern = (step["pattern"] as? [String: Any])?["Regex"] as? String
                guard pattern == #"\s+"#, step["content"] as? String == " " else {
                    throw TokenizationError("normalizer[\(i)]: only Replace(Regex \\s+, \" \") is supported")
                }
                normalizer.collapseWhitespace = true
            default:
                throw TokenizationError("normalizer[\(i)]: type \(step["type"] ?? "?") is not supported")
            }
        }
        return normalizer
    }

    static func parsePreTokenizer(_ value: Any?) throws(TokenizationError) -> ByteLevelPreTokenizer {
        guard let object = value as? [String: Any] else {
            throw TokenizationError("pre_tokenizer: missing (a ByteLevel pre-tokenizer is required)")
        }
        func byteLevel(_ step: [String: Any]) throws(TokenizationError) -> Bool {
            guard step["type"] as? String == "ByteLevel", step["use_regex"] as? Bool ?? true else {
                throw TokenizationError("pre_tokenizer: only ByteLevel with use_regex is supported")
            }
            return step["add_prefix_space"] as? Bool ?? false
        }
        if object["type"] as? String == "Sequence" {
            let steps = object["pretokenizers"] as? [[String: Any]] ?? []
            let pattern = (steps.first?["pattern"] as? [String: Any])?["Regex"] as? String
            guard steps.count == 2, steps[0]["type"] as? String == "Split",
                  pattern == ScalarClass.ideographPattern, steps[0]["behavior"] as? String == "Isolated",
                  try byteLevel(steps[1]) == false else {
                throw TokenizationError("pre_tokenizer: only Sequence[Split(CJK ideographs, Isolated), ByteLevel] is supported")
            }
            return ByteLevelPreTokenizer(splitIdeographs: true, addPrefixSpace: false)
        }
        return ByteLevelPreTokenizer(splitIdeographs: false, addPrefixSpace: try byteLevel(object))
    }
}
