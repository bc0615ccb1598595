// The one error type of the ChatModel module: bad training data, a checkpoint that does not fit
// together, or a request the model cannot serve. Messages never quote customer text.

/// An error from training, loading or using a chat model.
public struct ChatModelError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What kind of problem this is.
    public enum Kind: String, Sendable {
        /// The training examples or configuration cannot be used.
        case invalidTrainingData
        /// The configuration has an impossible value.
        case invalidConfiguration
        /// A checkpoint file is missing, unreadable or of another format.
        case unreadableCheckpoint
        /// The checkpoint's parts do not fit together (tokenizer, config, weights).
        case checkpointMismatch
        /// A prediction or generation request names something the model does not know.
        case invalidRequest
    }

    /// The kind of problem.
    public var kind: Kind
    /// A readable explanation naming the file or field involved.
    public var message: String

    /// An error of `kind` explained by `message`.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message, prefixed by the kind.
    public var description: String { "\(kind.rawValue): \(message)" }
}
