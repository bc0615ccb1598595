// The one error of the crash-safe writes: which file, and what the system said.
import Foundation

/// A crash-safe write that failed; the target keeps its old content.
public struct AtomicFileError: Error, CustomStringConvertible, Equatable {
    /// The file or folder being written.
    public var path: String
    /// What went wrong, e.g. "cannot write: No space left on device".
    public var message: String

    /// An error about `path`.
    public init(path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`, one line.
    public var description: String { "\(path): \(message)" }
}
