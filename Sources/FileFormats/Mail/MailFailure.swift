// How the mail code reports a message it cannot read: a FileFormatError without a place, which
// the reader completes with the file, line and byte offset of the message.

/// Builds the module's error for one unreadable message.
enum MailFailure {
    /// An `.invalidData` error whose message is `reason` (the place is added by `MailReader`).
    static func invalid(_ reason: String) -> FileFormatError {
        FileFormatError(.invalidData, file: nil, message: reason)
    }
}
