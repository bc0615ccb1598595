// Fuzz target: the byte-level BPE tokenizer. Property: for any valid UTF-8 text,
// decode(encode(text)) gives back normalize(text); any id sequence decodes without a crash.
import Foundation
import Tokenization

private let tokenizer: Tokenizer = {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/TokenizationTests/Resources/hf-trained.json").path
    guard let tokenizer = try? Tokenizer(contentsOfFile: path) else { fatalError("fuzz setup: cannot read \(path)") }
    return tokenizer
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTokenizer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    if let text = String(validating: bytes, as: UTF8.self) {
        let ids = tokenizer.encode(text)
        let decoded = tokenizer.decode(ids)
        if decoded.text != tokenizer.normalize(text) || decoded.unknownIDCount != 0 {
            fatalError("round trip broke: \(Array(text.utf8)) gave \(Array(decoded.text.utf8))")
        }
    }
    let ids = stride(from: 0, to: size - size % 2, by: 2).map { Int(bytes[$0]) << 8 | Int(bytes[$0 + 1]) }
    _ = tokenizer.decode(ids, skipSpecialTokens: size % 3 == 0)
    return 0
}
