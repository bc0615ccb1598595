// Fuzz target: reading a Hugging Face tokenizer.json; a bad file must be an error, never a crash,
// and a tokenizer that loads must encode and decode.
import Foundation
import Tokenization

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTokenizerJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let tokenizer = try? Tokenizer(huggingFaceJSON: Data(bytes: data, count: size)) else { return 0 }
    _ = tokenizer.decode(tokenizer.encode("Hello, wörld 🙂 <unk> 12345"))
    return 0
}
