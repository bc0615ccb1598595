// Reads a file line by line in fixed-size chunks, so that a 1 GB mbox is never in memory
// whole: each line comes with its byte offset and number; a line longer than the chunk size
// (and at least 64 KiB) comes in pieces, so memory stays bounded even for a file without line breaks.
import Foundation

/// A line (or a piece of a very long line) read from a file.
struct FileLine {
    /// The bytes, line break included when the line has one; valid until the next read.
    var bytes: ArraySlice<UInt8>
    /// 0-based byte offset of the first byte in the file.
    var offset: Int
    /// 1-based line number.
    var number: Int
    /// Whether the bytes begin a line (false for the second and later pieces of a long line).
    var startsLine: Bool
}

/// Streams the lines of one file.
final class FileLineReader {
    private let handle: FileHandle
    private let shown: String
    private let chunkSize: Int
    /// A line longer than this comes in pieces (at least 64 KiB, so that a piece always holds a line's start).
    private let maxPieceBytes: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var bufferOffset = 0
    private var lineNumber = 1
    private var atLineStart = true
    private var reachedEnd = false

    /// Opens `path`; `shown` names it in errors.
    init(path: String, shown: String, chunkSize: Int = 1 << 20) throws(FileFormatError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FileFormatError(.io, file: shown, message: "cannot open the file")
        }
        self.handle = handle
        self.shown = shown
        self.chunkSize = max(1, chunkSize)
        self.maxPieceBytes = max(self.chunkSize, 1 << 16)
    }

    deinit { try? handle.close() }

    /// The next line or piece, or nil at the end of the file.
    func next() throws(FileFormatError) -> FileLine? {
        var searchFrom = start
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: 10) {
                return take(upTo: newline + 1, endsLine: true)
            }
            if buffer.count - start >= maxPieceBytes { return take(upTo: buffer.count, endsLine: false) }
            if reachedEnd { return start < buffer.count ? take(upTo: buffer.count, endsLine: false) : nil }
            searchFrom = buffer.count - start
            try refill()
        }
    }

    private func take(upTo end: Int, endsLine: Bool) -> FileLine {
        let line = FileLine(
            bytes: buffer[start..<end], offset: bufferOffset + start, number: lineNumber, startsLine: atLineStart)
        start = end
        atLineStart = endsLine
        if endsLine { lineNumber += 1 }
        return line
    }

    /// Drops consumed bytes and appends the next chunk (indices shift to 0).
    private func refill() throws(FileFormatError) {
        bufferOffset += start
        buffer.removeSubrange(..<start)
        start = 0
        let chunk: Data?
        do {
            chunk = try handle.read(upToCount: chunkSize)
        } catch {
            throw FileFormatError(.io, file: shown, message: "cannot read the file at byte \(bufferOffset + buffer.count)")
        }
        guard let chunk, !chunk.isEmpty else {
            reachedEnd = true
            return
        }
        buffer.append(contentsOf: chunk)
    }
}
