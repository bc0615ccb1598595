// Fuzz target: labelled training data as CSV and as JSON Lines.
import FileFormats
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLabelledData(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? LabelledDataReader.parseCSV(text, file: "fuzz.csv")
    _ = try? LabelledDataReader.parseJSONLines(text, file: "fuzz.jsonl")
    return 0
}
