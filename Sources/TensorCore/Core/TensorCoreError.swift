// The one error type of TensorCore: bad token ids, bad targets and mismatched shapes that reach
// a layer from outside (files, users), and safetensors files that cannot be read or written,
// are reported with a code to match on, not trapped.

/// An error raised by TensorCore when its input (arguments or a file) is invalid.
public struct TensorCoreError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What kind of failure this is; compare with the static members (`.truncatedFile`, …).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case idOutOfRange, targetOutOfRange, shapeMismatch, cacheFull
            case io, truncatedFile, invalidHeaderLength, invalidHeader, unsupportedDType
            case invalidShape, byteCountMismatch, invalidOffsets, duplicateName, parameterMismatch
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// A token id is outside the vocabulary.
        public static let idOutOfRange = Code(.idOutOfRange)
        /// A class target is outside the classes and is not the ignore index.
        public static let targetOutOfRange = Code(.targetOutOfRange)
        /// Two shapes that must agree do not.
        public static let shapeMismatch = Code(.shapeMismatch)
        /// A key/value cache cannot take more tokens.
        public static let cacheFull = Code(.cacheFull)
        /// A safetensors file could not be opened, read or written.
        public static let io = Code(.io)
        /// A safetensors file ends before its 8-byte header length.
        public static let truncatedFile = Code(.truncatedFile)
        /// A safetensors header length is zero, too large, or runs past the end of the file.
        public static let invalidHeaderLength = Code(.invalidHeaderLength)
        /// A safetensors header is not UTF-8 JSON of the expected form.
        public static let invalidHeader = Code(.invalidHeader)
        /// A tensor's dtype is not one the reader converts to Float32.
        public static let unsupportedDType = Code(.unsupportedDType)
        /// A stored shape has a negative dimension or too many elements.
        public static let invalidShape = Code(.invalidShape)
        /// A stored tensor's byte range does not match its shape and dtype.
        public static let byteCountMismatch = Code(.byteCountMismatch)
        /// Byte ranges are reversed, overlap, leave gaps or do not cover the data exactly.
        public static let invalidOffsets = Code(.invalidOffsets)
        /// Two tensors share a name.
        public static let duplicateName = Code(.duplicateName)
        /// A file's tensors do not match a parameter list (missing, extra, wrong shape or dtype).
        public static let parameterMismatch = Code(.parameterMismatch)

        /// The code's name, e.g. `truncatedFile`.
        public var description: String { base.rawValue }
    }

    private enum Kind: Equatable, Sendable {
        case idOutOfRange(id: Int, position: Int, limit: Int)
        case targetOutOfRange(target: Int, position: Int, limit: Int)
        case shapeMismatch(String)
        case cacheFull(capacity: Int)
        case safeTensors(code: Code, path: String, message: String)
    }

    private let kind: Kind

    /// A token id at `position` is not in `0..<limit`.
    public static func idOutOfRange(_ id: Int, at position: Int, limit: Int) -> TensorCoreError {
        TensorCoreError(kind: .idOutOfRange(id: id, position: position, limit: limit))
    }

    /// A class target at `position` is neither in `0..<limit` nor the ignore index.
    public static func targetOutOfRange(_ target: Int, at position: Int, limit: Int) -> TensorCoreError {
        TensorCoreError(kind: .targetOutOfRange(target: target, position: position, limit: limit))
    }

    /// Two shapes that must agree do not; `detail` names them.
    public static func shapeMismatch(_ detail: String) -> TensorCoreError {
        TensorCoreError(kind: .shapeMismatch(detail))
    }

    /// A key/value cache of `capacity` positions cannot take more tokens.
    public static func cacheFull(capacity: Int) -> TensorCoreError {
        TensorCoreError(kind: .cacheFull(capacity: capacity))
    }

    /// A safetensors file (or `<memory>` buffer) at `path` failed with `code`; `message` says how.
    package static func safeTensors(_ code: Code, path: String, _ message: String) -> TensorCoreError {
        TensorCoreError(kind: .safeTensors(code: code, path: path, message: message))
    }

    /// What kind of failure this is.
    public var code: Code {
        switch kind {
        case .idOutOfRange: .idOutOfRange
        case .targetOutOfRange: .targetOutOfRange
        case .shapeMismatch: .shapeMismatch
        case .cacheFull: .cacheFull
        case let .safeTensors(code, _, _): code
        }
    }

    /// The file concerned (`<memory>` for in-memory buffers), or nil when no file is involved.
    public var path: String? {
        if case let .safeTensors(_, path, _) = kind { return path }
        return nil
    }

    /// What was wrong, in words, without the file name.
    public var message: String {
        switch kind {
        case let .idOutOfRange(id, position, limit): "token id \(id) at position \(position) is not in 0..<\(limit)"
        case let .targetOutOfRange(target, position, limit):
            "target \(target) at position \(position) is not in 0..<\(limit) nor the ignore index"
        case let .shapeMismatch(detail): "shape mismatch: \(detail)"
        case let .cacheFull(capacity): "key/value cache is full (\(capacity) positions)"
        case let .safeTensors(_, _, message): message
        }
    }

    /// A message naming the offending value and where it was (the file, for safetensors).
    public var description: String {
        if let path { return "safetensors file \(path): \(message)" }
        return message
    }
}
