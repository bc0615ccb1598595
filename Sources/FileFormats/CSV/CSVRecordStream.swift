// CSV read record by record from a file of any size (the same RFC 4180 scanner as `CSVReader`),
// each record with its line and its own problems, so a batch job can skip a bad row and go on.
import Foundation

/// One streamed CSV record: its fields, the line it starts on, and what is wrong with it.
public struct CSVStreamRecord: Sendable {
    /// Field values, quotes removed and doubled quotes undone.
    public var fields: [String]
    /// Line of the file on which the record starts.
    public var line: Int
    /// Problems in this record (unterminated quote, stray quote, field count unlike the header's).
    public var problems: [String]
}

/// Streams the records of a CSV file; the first record is the header.
public final class CSVRecordStream {
    /// The header's fields (read when the stream opens; empty for an empty file).
    public private(set) var header: [String] = []
    /// A read failure in the middle of the file (the stream then ends early); nil normally.
    public var readError: FileFormatError? { source.error }
    private let source: ChunkSource
    private var scanner: CSVScanner

    /// Opens `url` and reads its header; `displayPath` names it in problems; `chunkSize` bytes are read at a time.
    public init(contentsOf url: URL, displayPath: String? = nil, delimiter: Unicode.Scalar = ",",
                chunkSize: Int = 1 << 20) throws(FileFormatError) {
        let source = ChunkSource(reader: try ByteChunkReader(contentsOf: url, displayPath: displayPath, chunkSize: chunkSize))
        self.source = source
        scanner = CSVScanner(delimiter: delimiter) { source.next() }
        if let (fields, _, _) = scanner.nextRecord() { header = fields }
        if let error = source.error { throw error }
    }

    /// The next data record, or nil at the end of the file.
    public func next() -> CSVStreamRecord? {
        guard let (fields, line, issues) = scanner.nextRecord() else { return nil }
        var problems = issues.map { $0.line == line ? $0.message : "line \($0.line): \($0.message)" }
        if problems.isEmpty, !header.isEmpty, fields.count != header.count {
            problems.append("record has \(fields.count) field\(fields.count == 1 ? "" : "s"), expected \(header.count) as in the header")
        }
        return CSVStreamRecord(fields: fields, line: line, problems: problems)
    }

    /// The file's scalars chunk by chunk, remembering a read failure.
    private final class ChunkSource {
        let reader: ByteChunkReader
        var decoder = UTF8ChunkDecoder()
        var error: FileFormatError?

        init(reader: ByteChunkReader) { self.reader = reader }

        func next() -> [Unicode.Scalar]? {
            do {
                return decoder.decode(try reader.nextChunk())
            } catch {
                self.error = error
                return nil
            }
        }
    }
}
