// Decoding: ids → bytes → text. Never fails: unknown ids and invalid UTF-8 become U+FFFD and
// the result says so.

extension Tokenizer {
    /// The text for `ids`; special tokens are kept unless `skipSpecialTokens`.
    public func decode(_ ids: some Sequence<Int>, skipSpecialTokens: Bool = false) -> DecodedText {
        var bytes: [UInt8] = []
        var unknown = 0
        let vocabulary = model.tokenBytes
        for id in ids {
            guard id >= 0, id < vocabulary.count else {
                bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
                unknown += 1
                continue
            }
            if skipSpecialTokens, specialIDs.contains(id) { continue }
            bytes.append(contentsOf: vocabulary[id])
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return DecodedText(text: text, unknownIDCount: unknown, repairedInvalidUTF8: false)
        }
        return DecodedText(text: String(decoding: bytes, as: UTF8.self), unknownIDCount: unknown,
                           repairedInvalidUTF8: true)
    }
}
