// The one error type of the PretrainedEncoder module: an encoder folder that cannot be read
// (missing or bad config.json, weights or tokenizer.json), naming the file and the problem.

/// Why an encoder folder could not be loaded or used.
public struct PretrainedEncoderError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file involved, if any.
    public var file: String?
    /// What went wrong.
    public var message: String

    /// An error about `file` (nil when not about a file).
    public init(_ message: String, file: String? = nil) {
        self.message = message
        self.file = file
    }

    public var description: String {
        if let file { return "\(file): \(message)" }
        return message
    }
}
