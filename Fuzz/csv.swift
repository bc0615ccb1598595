// Fuzz target: the CSV reader (quotes, line breaks in fields, ragged rows), with and without a header.
import FileFormats
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? CSVReader.parse(text, file: "fuzz.csv")
    _ = try? CSVReader.parse(text, file: "fuzz.tsv", hasHeader: false, delimiter: "\t", requireSameFieldCount: false)
    return 0
}
