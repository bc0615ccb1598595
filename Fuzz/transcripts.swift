// Fuzz target: the transcript reader in its three formats (JSON Lines, plain-text logs, CSV exports).
import FileFormats
import Foundation

private let started = Date(timeIntervalSince1970: 1_772_442_840)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTranscripts(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for format in [TranscriptFileFormat.jsonl, .text, .csv] {
        _ = TranscriptReader.parse(text, file: "fuzz", format: format, options: TranscriptReadOptions(), started: started)
    }
    return 0
}
