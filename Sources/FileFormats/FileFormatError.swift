// The one error type of the FileFormats module: a code to match on and every problem found, each
// with the file and line it concerns (when it concerns a file), so a user can fix a whole
// folder in one pass. The layers above use it for their own files too (checkpoint folders).

/// Intents, training data, transcripts or another file could not be read or failed validation.
public struct FileFormatError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure this is; compare with the static members (`.invalidData`, …).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case io, invalidData
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// A file or folder could not be found, listed or read.
        public static let io = Code(.io)
        /// Files were read but their content is malformed or breaks a rule of docs/FORMATS.md.
        public static let invalidData = Code(.invalidData)

        /// The code's name, e.g. `invalidData`.
        public var description: String { base.rawValue }
    }

    /// One thing wrong in one place: `file:line: message`, or just the message when no file is involved.
    public struct Problem: Hashable, Sendable, CustomStringConvertible {
        /// The file as the user named it (e.g. `intents/order_status.yaml`), or nil.
        public var file: String?
        /// 1-based line number, or nil when the problem concerns the whole file.
        public var line: Int?
        /// 0-based byte offset where the faulty record starts (an mbox message), or nil.
        public var byteOffset: Int?
        /// What is wrong, without customer text beyond the offending value itself.
        public var message: String

        /// Creates a problem at `file:line` (nil file: not about a file), optionally at a byte offset.
        public init(file: String?, line: Int?, byteOffset: Int? = nil, message: String) {
            self.file = file
            self.line = line
            self.byteOffset = byteOffset
            self.message = message
        }

        /// `file:line: message`, `file: message` without a line, `message` without a file;
        /// a byte offset follows the place: `inbox.mbox:120 (byte 5311): message`.
        public var description: String {
            guard let file else { return message }
            var place = file
            if let line { place += ":\(line)" }
            if let byteOffset { place += " (byte \(byteOffset))" }
            return "\(place): \(message)"
        }
    }

    /// The kind of failure.
    public let code: Code
    /// Every problem found, in file then line order.
    public let problems: [Problem]

    /// Creates an error with the given problems (sorted by file, then line).
    public init(_ code: Code, problems: [Problem]) {
        self.code = code
        self.problems = problems.sorted {
            ($0.file ?? "", $0.line ?? 0, $0.byteOffset ?? 0) < ($1.file ?? "", $1.line ?? 0, $1.byteOffset ?? 0)
        }
    }

    /// An error with a single problem (`file` nil when it is not about a file).
    public init(_ code: Code, file: String?, line: Int? = nil, message: String) {
        self.init(code, problems: [Problem(file: file, line: line, message: message)])
    }

    /// One problem per line.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
