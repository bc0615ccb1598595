// Reads customer e-mail from a path: one `.eml` file, a folder of them (recursively, in path
// order), or an mbox file, streaming: one message in memory at a time. A message that cannot
// be read is an error item naming its file, line and byte offset; the rest are still read.
import Foundation

/// The messages of an `.eml` file, a folder of `.eml` files or an mbox file, in order.
///
/// Each element is a parsed message or a `FileFormatError` with one problem for one message
/// (its file, line and byte offset, and the reason); iteration goes on after an error.
public struct MailReader: Sequence {
    /// What the path holds.
    public enum Source: String, Sendable, CaseIterable {
        /// One RFC 5322 message (`.eml`).
        case message = "eml"
        /// Many messages in one mbox file (`.mbox`).
        case mbox
        /// A folder searched recursively for `.eml` files.
        case folder

        /// The source a path's kind and extension suggest: a folder, `.mbox`/`.mbx`, `.eml`; else nil.
        public init?(path: String) {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                self = .folder
                return
            }
            switch (path as NSString).pathExtension.lowercased() {
            case "eml": self = .message
            case "mbox", "mbx": self = .mbox
            default: return nil
            }
        }
    }

    /// Messages larger than this are skipped with an error (32 MiB by default).
    public static let defaultMaxMessageBytes = 32 << 20

    private let path: String
    private let source: Source
    private let maxMessageBytes: Int
    private let chunkSize: Int

    /// A reader of `path` as `source` (nil: from the path, see `Source.init(path:)`).
    ///
    /// - Throws: `.io` when the path does not exist; `.invalidData` when `source` is nil and
    ///   the path is neither a folder nor an `.eml` or `.mbox` file.
    public init(
        path: String, source: Source? = nil, maxMessageBytes: Int = MailReader.defaultMaxMessageBytes
    ) throws(FileFormatError) {
        try self.init(path: path, source: source, maxMessageBytes: maxMessageBytes, chunkSize: 1 << 20)
    }

    /// As the public initialiser, with the mbox read in chunks of `chunkSize` bytes (tests use tiny chunks).
    package init(path: String, source: Source?, maxMessageBytes: Int, chunkSize: Int) throws(FileFormatError) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw FileFormatError(.io, file: path, message: "no such file or folder")
        }
        guard let source = source ?? Source(path: path) else {
            throw FileFormatError(
                .invalidData, file: path, message: "not a folder, .eml or .mbox file (name the format to read it anyway)")
        }
        self.path = path
        self.source = source
        self.maxMessageBytes = maxMessageBytes
        self.chunkSize = chunkSize
    }

    /// Iterates the messages.
    public func makeIterator() -> Iterator {
        Iterator(path: path, source: source, maxMessageBytes: maxMessageBytes, chunkSize: chunkSize)
    }

    /// Reads one message at a time.
    public final class Iterator: IteratorProtocol {
        private let maxMessageBytes: Int
        private let chunkSize: Int
        private var files: [(path: String, shown: String)]
        private var mbox: MboxSplitter? = nil
        private let isMbox: Bool

        fileprivate init(path: String, source: Source, maxMessageBytes: Int, chunkSize: Int) {
            self.maxMessageBytes = maxMessageBytes
            self.chunkSize = chunkSize
            self.isMbox = source == .mbox
            self.files = source == .folder ? MailFolder.emlFiles(in: path) : [(path, path)]
        }

        /// The next message or per-message error; nil when everything has been read.
        public func next() -> Result<MailMessage, FileFormatError>? {
            if isMbox { return nextFromMbox() }
            guard !files.isEmpty else { return nil }
            let file = files.removeFirst()
            let position = MailPosition(file: file.shown)
            return Result { () throws(FileFormatError) in
                try MailMessage(parsing: try MailFolder.contents(of: file.path, shown: file.shown, limit: maxMessageBytes),
                                at: position)
            }
        }

        private func nextFromMbox() -> Result<MailMessage, FileFormatError>? {
            do {
                if mbox == nil {
                    guard let file = files.first else { return nil }
                    files = []
                    let lines = try FileLineReader(path: file.path, shown: file.shown, chunkSize: chunkSize)
                    mbox = MboxSplitter(lines: lines, file: file.shown, maxMessageBytes: maxMessageBytes)
                }
                guard let raw = try mbox?.next() else { return nil }
                if let problem = raw.problem {
                    let position = raw.position
                    return .failure(FileFormatError(.invalidData, problems: [.init(
                        file: position.file, line: position.line, byteOffset: position.byteOffset, message: problem)]))
                }
                return Result { () throws(FileFormatError) in try MailMessage(parsing: raw.bytes, at: raw.position) }
            } catch {
                mbox = nil  // an I/O error ends the file: report it once
                return .failure(error)
            }
        }
    }
}
