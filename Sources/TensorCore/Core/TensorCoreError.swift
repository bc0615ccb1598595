// The one error type of TensorCore: bad token ids, bad targets and mismatched shapes that reach
// a layer from outside (files, users) are reported, not trapped.

/// An error raised by TensorCore when its input is invalid.
public struct TensorCoreError: Error, CustomStringConvertible, Equatable {
    private enum Kind: Equatable {
        case idOutOfRange(id: Int, position: Int, limit: Int)
        case targetOutOfRange(target: Int, position: Int, limit: Int)
        case shapeMismatch(String)
        case cacheFull(capacity: Int)
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

    /// A message naming the offending value and where it was.
    public var description: String {
        switch kind {
        case let .idOutOfRange(id, position, limit): "token id \(id) at position \(position) is not in 0..<\(limit)"
        case let .targetOutOfRange(target, position, limit):
            "target \(target) at position \(position) is not in 0..<\(limit) nor the ignore index"
        case let .shapeMismatch(detail): "shape mismatch: \(detail)"
        case let .cacheFull(capacity): "key/value cache is full (\(capacity) positions)"
        }
    }
}
