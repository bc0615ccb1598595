// The one error type of the Dialogue module: feedback that cannot be recorded, or a store that
// refused it. (Bad files are `FileFormatError`s, from the layer that reads them.)

/// Feedback on a turn could not be taken or stored (a closed set, with the reason).
public enum DialogueError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Feedback that cannot be recorded: no turn yet, an unknown intent, an empty reply.
    case invalidFeedback(String)
    /// The conversation store refused the write.
    case storage(String)

    /// The reason, without customer text.
    public var description: String {
        switch self {
        case .invalidFeedback(let message), .storage(let message): message
        }
    }
}
