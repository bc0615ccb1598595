// The one error type of the TicketAnswering module: a whole input or output cannot be used
// (a file that does not open, a CSV without a body column, an input format not supported yet).
// Problems with one ticket are not errors: they become `TicketReadFailure`s and the run goes on.

/// A ticket file, output or queue cannot be used at all.
public struct TicketAnsweringError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, naming the file (and line) concerned, without customer text.
    public var message: String

    /// An error with `message`.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
