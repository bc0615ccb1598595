// Writes Hugging Face `tokenizer.json`: Sequence normalizer, ByteLevel (optionally after a CJK
// `Split`) pre-tokenizer, ByteLevel decoder, BPE model with vocab and merges, added tokens.
import Foundation
import Primitives

extension Tokenizer {
    /// The `tokenizer.json` text for this tokenizer.
    public func huggingFaceJSON() -> String {
        var out = "{\n  \"version\": \"1.0\",\n  \"truncation\": null,\n  \"padding\": null,\n  \"added_tokens\": ["
        for (i, token) in addedTokens.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += "    {\"id\": \(token.id), \"content\": \(JSONString.quoted(token.content)), \"single_word\": false, "
                + "\"lstrip\": false, \"rstrip\": false, \"normalized\": false, \"special\": \(token.special)}"
        }
        out += "\n  ],\n  \"normalizer\": \(normalizerJSON),\n  \"pre_tokenizer\": \(preTokenizerJSON),\n"
        out += "  \"post_processor\": null,\n"
        out += "  \"decoder\": {\"type\": \"ByteLevel\", \"add_prefix_space\": true, \"trim_offsets\": true, \"use_regex\": true},\n"
        out += "  \"model\": {\"type\": \"BPE\", \"dropout\": null, \"unk_token\": null, \"continuing_subword_prefix\": null, "
            + "\"end_of_word_suffix\": null, \"fuse_unk\": false, \"byte_fallback\": false, "
            + "\"ignore_merges\": \(model.ignoreMerges),\n    \"vocab\": {"
        let addedIDs = Set(addedTokens.map(\.id))
        let strings = tokenStrings
        var first = true
        for (id, string) in strings.enumerated() where !(addedIDs.contains(id) && id >= baseVocabularyEnd) {
            out += first ? "\n      " : ",\n      "
            out += "\(JSONString.quoted(string)): \(id)"
            first = false
        }
        out += "\n    },\n    \"merges\": ["
        for (i, merge) in model.merges.enumerated() {
            out += i == 0 ? "\n      " : ",\n      "
            out += "[\(JSONString.quoted(strings[Int(merge.left)])), \(JSONString.quoted(strings[Int(merge.right)]))]"
        }
        out += "\n    ]\n  }\n}\n"
        return out
    }

    /// Writes `tokenizer.json` to `path`.
    public func write(toFile path: String) throws(TokenizationError) {
        do {
            try AtomicFile.write(huggingFaceJSON(), to: URL(fileURLWithPath: path))
        } catch {
            throw TokenizationError("cannot write file: \(error.message)", file: path)
        }
    }

    /// First id after the BPE vocabulary proper: added tokens from here on live only in `added_tokens`.
    var baseVocabularyEnd: Int {
        var end = model.count
        let addedIDs = Set(addedTokens.map(\.id))
        while end > 0, addedIDs.contains(end - 1) { end -= 1 }
        return end
    }

    /// Each id's vocabulary string: byte-level characters, or an added token's own text.
    var tokenStrings: [String] {
        let added = Dictionary(addedTokens.map { ($0.id, $0.content) }, uniquingKeysWith: { first, _ in first })
        return model.tokenBytes.enumerated().map { id, bytes in
            added[id] ?? ByteLevelAlphabet.string(for: bytes)
        }
    }

    private var normalizerJSON: String {
        var steps: [String] = []
        if normalizer.nfkc { steps.append("{\"type\": \"NFKC\"}") }
        if normalizer.lowercase { steps.append("{\"type\": \"Lowercase\"}") }
        if normalizer.collapseWhitespace {
            steps.append("{\"type\": \"Replace\", \"pattern\": {\"Regex\": \"\\\\s+\"}, \"content\": \" \"}")
        }
        if steps.isEmpty { return "null" }
        return "{\"type\": \"Sequence\", \"normalizers\": [\(steps.joined(separator: ", "))]}"
    }

    private var preTokenizerJSON: String {
        let byteLevel = "{\"type\": \"ByteLevel\", \"add_prefix_space\": \(preTokenizer.addPrefixSpace), "
            + "\"trim_offsets\": true, \"use_regex\": true}"
        guard preTokenizer.splitIdeographs else { return byteLevel }
        let split = "{\"type\": \"Split\", \"pattern\": {\"Regex\": \(JSONString.quoted(ScalarClass.ideographPattern))}, "
            + "\"behavior\": \"Isolated\", \"invert\": false}"
        return "{\"type\": \"Sequence\", \"pretokenizers\": [\(split), \(byteLevel)]}"
    }
}
