// Splits an mbox file into messages while streaming it: a message starts at a `From ` line at
// the start of the file or after an empty line, or at any `From ` line shaped like a postmark
// (`From sender Mon Dec  7 …`, for writers that leave out the empty line); `>From ` lines
// (mboxrd quoting) lose one `>`.
// One message is in memory at a time; one larger than the limit is skipped and reported.

/// The bytes of one message from an mbox, or why it cannot be read.
struct RawMail {
    /// The message without its `From ` line.
    var bytes: [UInt8]
    /// Where its `From ` line is.
    var position: MailPosition
    /// Why the message is skipped, or nil.
    var problem: String?
}

/// Yields the messages of an mbox file one at a time.
final class MboxSplitter {
    private let lines: FileLineReader
    private let file: String
    private let maxMessageBytes: Int
    private var current: RawMail? = nil
    private var previousLineBlank = true
    private var finished = false

    /// Splits the file `lines` reads; `file` names it in positions.
    init(lines: FileLineReader, file: String, maxMessageBytes: Int) {
        self.lines = lines
        self.file = file
        self.maxMessageBytes = maxMessageBytes
    }

    /// The next message, or nil after the last.
    func next() throws(FileFormatError) -> RawMail? {
        guard !finished else { return nil }
        while let line = try lines.next() {
            let bytes = line.bytes
            let blank = line.startsLine && bytes.allSatisfy { $0 == 10 || $0 == 13 }
            defer { previousLineBlank = blank }
            let position = MailPosition(file: file, line: line.number, byteOffset: line.offset)
            if line.startsLine, bytes.starts(with: Self.fromLine), previousLineBlank || Self.isPostmark(bytes) {
                let done = current
                current = RawMail(bytes: [], position: position, problem: nil)
                if let done { return done }
                continue
            }
            if current == nil {
                if blank { continue }
                current = RawMail(bytes: [], position: position, problem: "text before the first \"From \" line (not an mbox file, or a damaged one)")
            }
            append(line)
        }
        finished = true
        defer { current = nil }
        return current
    }

    private func append(_ line: FileLine) {
        guard current?.problem == nil else { return }
        var bytes = line.bytes
        if line.startsLine, Self.isQuotedFromLine(bytes) { bytes = bytes.dropFirst() }
        if (current?.bytes.count ?? 0) + bytes.count > maxMessageBytes {
            current?.bytes = []
            current?.problem = "message larger than \(maxMessageBytes) bytes, skipped"
            return
        }
        current?.bytes.append(contentsOf: bytes)
    }

    /// `From sender Mon Dec …`: a `From ` line whose third and fourth words are a weekday and a
    /// month, as mbox writers put them (a body line such as "From the tracking page …" is not).
    private static func isPostmark(_ bytes: ArraySlice<UInt8>) -> Bool {
        let words = Array(bytes.prefix(200).split(whereSeparator: { $0 == 32 || $0 == 9 }).prefix(4))
        guard words.count == 4 else { return false }
        return weekdays.contains(Array(words[2])) && months.contains(Array(words[3]))
    }

    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map { Array($0.utf8) }
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        .map { Array($0.utf8) }

    /// `>From `, `>>From ` …: a body line that an mboxrd writer quoted.
    private static func isQuotedFromLine(_ bytes: ArraySlice<UInt8>) -> Bool {
        let unquoted = bytes.drop { $0 == UInt8(ascii: ">") }
        return unquoted.count < bytes.count && unquoted.starts(with: fromLine)
    }

    private static let fromLine = Array("From ".utf8)
}
