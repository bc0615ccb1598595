// Fuzz target: an mbox file through the streaming splitter (`From ` lines, postmarks, `>From`
// unquoting, CRLF, oversized messages) and each message's parsing. Property: reading the file in
// chunks of 1–64 bytes gives the same messages and problems, at the same positions, as reading it
// in one chunk.
import FileFormats
import Foundation

private let path = FileManager.default.temporaryDirectory.appendingPathComponent("chatbot-fuzz-\(getpid()).mbox").path

/// What one item of the reader gave: a message or the problems of one that could not be read.
private struct Item: Equatable {
    var message: MailMessage?
    var problems: [FileFormatError.Problem]
}

/// The items of the file at `path` read in chunks of `chunkSize` bytes.
private func items(chunkSize: Int) -> [Item] {
    guard let reader = try? MailReader(path: path, source: .mbox, maxMessageBytes: 1024, chunkSize: chunkSize) else {
        fatalError("fuzz setup: cannot open \(path)")
    }
    return reader.map { result in
        switch result {
        case .success(let message): Item(message: message, problems: [])
        case .failure(let error): Item(message: nil, problems: error.problems)
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMbox(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // A plain write: FileManager.createFile writes a temporary file and renames it, many times slower.
    do { try Data(bytes: data, count: size).write(to: URL(fileURLWithPath: path)) } catch {
        fatalError("fuzz setup: cannot write \(path): \(error)")
    }
    let whole = items(chunkSize: 1 << 16)  // the whole input (scripts/fuzz gives at most 4 KiB)
    let chunked = items(chunkSize: 1 + size % 64)
    if whole != chunked { fatalError("chunk size changed the result: \(whole.count) items whole, \(chunked.count) chunked") }
    for item in whole { if let message = item.message { _ = MailRequestCleaner.request(in: message.text) } }
    return 0
}
