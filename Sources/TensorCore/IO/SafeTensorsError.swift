// The one error type of safetensors reading and writing: a stable code to match on, the file
// it concerns, and a message that says what was wrong where.

/// A safetensors file could not be read, written or applied to a parameter list.
public struct SafeTensorsError: Error, CustomStringConvertible, Sendable {
    /// What kind of problem this is; compare with the static members (`.truncatedFile`, …).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case io, truncatedFile, invalidHeaderLength, invalidHeader, unsupportedDType
            case invalidShape, byteCountMismatch, invalidOffsets, duplicateName, parameterMismatch
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The file could not be opened, read or written.
        public static let io = Code(.io)
        /// The file ends before its 8-byte header length.
        public static let truncatedFile = Code(.truncatedFile)
        /// The header length is zero, too large, or runs past the end of the file.
        public static let invalidHeaderLength = Code(.invalidHeaderLength)
        /// The header is not UTF-8 JSON of the expected form.
        public static let invalidHeader = Code(.invalidHeader)
        /// A tensor's dtype is not one this reader converts to Float32.
        public static let unsupportedDType = Code(.unsupportedDType)
        /// A shape has a negative dimension or too many elements.
        public static let invalidShape = Code(.invalidShape)
        /// A tensor's byte range does not match its shape and dtype.
        public static let byteCountMismatch = Code(.byteCountMismatch)
        /// Byte ranges are reversed, overlap, leave gaps or do not cover the data exactly.
        public static let invalidOffsets = Code(.invalidOffsets)
        /// Two tensors share a name.
        public static let duplicateName = Code(.duplicateName)
        /// The file's tensors do not match a parameter list (missing, extra, wrong shape or dtype).
        public static let parameterMismatch = Code(.parameterMismatch)

        public var description: String { base.rawValue }
    }

    /// What kind of problem this is.
    public let code: Code
    /// The file concerned (or `<memory>` for in-memory buffers).
    public let path: String
    /// What was wrong, in words.
    public let message: String

    /// An error of kind `code` about `path`.
    package init(_ code: Code, path: String, _ message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    public var description: String { "safetensors file \(path): \(message)" }
}
