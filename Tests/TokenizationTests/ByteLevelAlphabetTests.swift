// The GPT-2 byte map is a bijection and agrees with the well-known examples.
import Testing
@testable import Tokenization

@Test func byteMapIsReversibleForEveryByte() {
    let all = (0...255).map(UInt8.init)
    #expect(ByteLevelAlphabet.bytes(for: ByteLevelAlphabet.string(for: all)) == all)
    #expect(ByteLevelAlphabet.string(for: Array(" hello\n".utf8)) == "ĠhelloĊ")
    #expect(ByteLevelAlphabet.bytes(for: "<pad>") == Array("<pad>".utf8))
    #expect(ByteLevelAlphabet.bytes(for: "中") == nil)
}
