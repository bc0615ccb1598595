// An error the CLI reports as exactly one line on standard error (argument-parser prints
// `Error: <message>` and exits 1): the edge where library errors become messages for people.

/// A failure printed as one line, with exit code 1.
package struct CommandFailure: Error, CustomStringConvertible {
    /// The line to print.
    package var message: String

    /// A failure with the given message.
    package init(_ message: String) { self.message = message }

    /// The message.
    package var description: String { message }
}
