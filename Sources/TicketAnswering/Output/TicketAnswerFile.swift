// The answers file of a run: created with its header, or, when it exists, resumed — cut back to
// its last whole record (a kill can leave half a line) and read for the keys already answered.
// Records are appended chunk by chunk, each chunk in one write of whole records; a write that
// fails (a full disk) is cut back off, so the file never ends in half a record it calls whole.
import FileFormats
import Foundation
import Primitives

/// An answers file being written, possibly resumed.
public final class TicketAnswerFile {
    /// The keys of the tickets the file already answers (empty for a new file or standard output).
    public private(set) var answeredKeys: Set<String> = []
    private let handle: FileHandle
    /// The path, or "standard output", for messages.
    private let shown: String
    private let closesHandle: Bool
    private let format: TicketOutputFormat

    /// Standard output (nil `path`, never resumed) or the file at `path`.
    ///
    /// - Parameter resume: keep what an earlier run wrote and skip those tickets; false truncates.
    /// - Throws: `TicketAnsweringError` when the file cannot be written or is not an answers file.
    public init(path: String?, format: TicketOutputFormat, resume: Bool = true) throws {
        self.format = format
        shown = path ?? "standard output"
        guard let path else {
            handle = .standardOutput
            closesHandle = false
            try write(format.preamble)
            return
        }
        closesHandle = true
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists || !resume {
            guard FileManager.default.createFile(atPath: path, contents: nil),
                  let file = FileHandle(forWritingAtPath: path) else { throw TicketAnsweringError("cannot write \(path)") }
            handle = file
            try write(format.preamble)
            return
        }
        guard let file = FileHandle(forUpdatingAtPath: path) else { throw TicketAnsweringError("cannot write \(path)") }
        handle = file
        let kept = try Self.wholeRecordsLength(of: path, format: format)
        do {
            try file.truncate(atOffset: UInt64(kept))
            try file.seekToEnd()
        } catch {
            throw TicketAnsweringError("cannot resume \(path): \(error.localizedDescription)")
        }
        answeredKeys = try Self.keys(in: path, format: format)
        if kept == 0 { try write(format.preamble) }
    }

    /// Appends the records of `answers` in one write.
    public func append(_ answers: [TicketAnswer]) throws {
        guard !answers.isEmpty else { return }
        try write(answers.map(format.record).joined())
    }

    /// fsyncs and closes the file (standard output stays open).
    public func close() throws {
        guard closesHandle else { return }
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw TicketAnsweringError("cannot write the answers to \(shown): \(SystemErrorText.describe(error))")
        }
    }

    private func write(_ text: String) throws {
        guard !text.isEmpty else { return }
        let wholeLength = closesHandle ? try? handle.offset() : nil
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            if let wholeLength { try? handle.truncate(atOffset: wholeLength) }
            throw TicketAnsweringError("cannot write the answers to \(shown): \(SystemErrorText.describe(error))")
        }
    }

    /// The length of the file up to the end of its last whole record: its last line break outside
    /// quotes (CSV fields may hold line breaks), or its last line break (JSON Lines).
    static func wholeRecordsLength(of path: String, format: TicketOutputFormat) throws -> Int {
        let reader: ByteChunkReader
        do { reader = try ByteChunkReader(contentsOf: URL(fileURLWithPath: path), displayPath: path) } catch {
            throw TicketAnsweringError(error.description)
        }
        var offset = 0, end = 0, quoted = false
        while let chunk = try? reader.nextChunk() {
            for byte in chunk {
                offset += 1
                if byte == UInt8(ascii: "\""), format == .csv { quoted.toggle() }
                if byte == 10, !quoted { end = offset }
            }
        }
        return end
    }

    /// The keys (`id` values) of the records in the answers file at `path`.
    static func keys(in path: String, format: TicketOutputFormat) throws -> Set<String> {
        let url = URL(fileURLWithPath: path)
        var keys: Set<String> = []
        do {
            switch format {
            case .jsonl:
                let stream = try JSONLinesStream(contentsOf: url, displayPath: path)
                while let item = try stream.next() {
                    guard let key = item.object?[TicketOutputFormat.idColumn] as? String else {
                        throw TicketAnsweringError("\(path):\(item.line): not an answers file (no \"id\"); "
                                                   + "choose another output or delete it")
                    }
                    keys.insert(key)
                }
            case .csv:
                let stream = try CSVRecordStream(contentsOf: url, displayPath: path)
                guard stream.header.isEmpty || stream.header == TicketOutputFormat.csvColumns else {
                    throw TicketAnsweringError("\(path):1: not an answers file (its header differs); choose another output or delete it")
                }
                while let record = stream.next() {
                    if let key = record.fields.first { keys.insert(key) }
                }
            }
        } catch let error as FileFormatError {
            throw TicketAnsweringError(error.description)
        }
        return keys
    }
}
