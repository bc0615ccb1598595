// JSON Lines read one line at a time from a file of any size: each line with its number and
// byte offset, decoded to an object or reported as a problem, so one bad line never stops a run.
import Foundation

/// One line of a streamed JSON Lines file: its object, or why it is not one.
public struct JSONLinesStreamItem {
    /// The decoded object (keys and values as `JSONSerialization` returns them), or nil.
    public var object: [String: Any]?
    /// Why the line is not a JSON object (nil when `object` is set).
    public var problem: String?
    /// 1-based line number.
    public var line: Int
    /// Byte offset of the line's start in the file.
    public var byteOffset: Int
}

/// Streams the objects of a JSON Lines file; blank lines are skipped.
public final class JSONLinesStream {
    private let reader: ByteChunkReader
    private var buffer: [UInt8] = []
    private var start = 0
    private var line = 0
    private var offset = 0
    private var finished = false

    /// Opens `url`; `displayPath` names it in problems; `chunkSize` bytes are read at a time.
    public init(contentsOf url: URL, displayPath: String? = nil, chunkSize: Int = 1 << 20) throws(FileFormatError) {
        reader = try ByteChunkReader(contentsOf: url, displayPath: displayPath, chunkSize: chunkSize)
    }

    /// The next non-blank line, or nil at the end of the file.
    public func next() throws(FileFormatError) -> JSONLinesStreamItem? {
        while let (bytes, number, lineOffset) = try nextLine() {
            var content = bytes[...]
            if content.last == 13 { content = content.dropLast() }
            if lineOffset == 0, content.starts(with: [0xEF, 0xBB, 0xBF]) { content = content.dropFirst(3) }
            if content.allSatisfy({ [9, 10, 11, 12, 13, 32].contains($0) }) { continue }
            switch JSONLinesReader.object(in: content) {
            case let .success(object):
                return JSONLinesStreamItem(object: object, problem: nil, line: number, byteOffset: lineOffset)
            case let .failure(problem):
                return JSONLinesStreamItem(object: nil, problem: problem.message, line: number, byteOffset: lineOffset)
            }
        }
        return nil
    }

    /// The next raw line without its `\n`, its number and byte offset; nil at the end.
    private func nextLine() throws(FileFormatError) -> ([UInt8], Int, Int)? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 10) {
                let bytes = Array(buffer[start..<newline])
                return emit(bytes, consumed: newline + 1 - start, newStart: newline + 1)
            }
            if finished {
                guard start < buffer.count else { return nil }
                let bytes = Array(buffer[start...])
                return emit(bytes, consumed: bytes.count, newStart: buffer.count)
            }
            buffer.removeFirst(start)
            start = 0
            if let chunk = try reader.nextChunk() { buffer += chunk } else { finished = true }
        }
    }

    private func emit(_ bytes: [UInt8], consumed: Int, newStart: Int) -> ([UInt8], Int, Int) {
        line += 1
        let lineOffset = offset
        offset += consumed
        start = newStart
        return (bytes, line, lineOffset)
    }
}
