// Walks the lines of a byte buffer (LF or CRLF), giving each line's content range without its
// line break and where the next line starts, so mail code never copies a line to look at it.

/// One line of a byte buffer.
struct ByteLine {
    /// The line's bytes without the line break.
    var content: Range<Int>
    /// Index just past the line break (the next line's start), or the buffer's end.
    var next: Int
    /// Whether a line break ends the line (false for an unterminated last line).
    var isTerminated: Bool
}

/// The lines of `bytes[range]`, in order; an empty range has no lines.
struct ByteLines: Sequence, IteratorProtocol {
    private let bytes: ArraySlice<UInt8>
    private var position: Int

    /// Lines of `bytes` from its start index.
    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.position = bytes.startIndex
    }

    mutating func next() -> ByteLine? {
        guard position < bytes.endIndex else { return nil }
        let start = position
        guard let newline = bytes[start...].firstIndex(of: 10) else {
            position = bytes.endIndex
            return ByteLine(content: start..<bytes.endIndex, next: bytes.endIndex, isTerminated: false)
        }
        position = newline + 1
        let end = newline > start && bytes[newline - 1] == 13 ? newline - 1 : newline
        return ByteLine(content: start..<end, next: newline + 1, isTerminated: true)
    }
}

extension ArraySlice<UInt8> {
    /// Whether the bytes in `range` are only spaces and tabs (or none).
    func isBlank(_ range: Range<Int>) -> Bool {
        self[range].allSatisfy { $0 == 32 || $0 == 9 }
    }
}
