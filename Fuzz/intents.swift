// Fuzz target: one intents YAML file and the domain lists (Yams underneath).
@testable import FileFormats
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIntents(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = IntentFileParser.parse(yaml: text, file: "fuzz.yaml", expectedName: "order_status")
    _ = DomainListsParser.parse(yaml: text, file: "_domain.yaml")
    return 0
}
