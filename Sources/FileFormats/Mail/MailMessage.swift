// One customer e-mail as the ticket side needs it: who sent it, what about, the whole decoded
// text, and the request alone (quoted history, signature and greeting removed), with where in
// which file it was read.
import Foundation

/// Where a mail was read: a file and, in an mbox, the message's line and byte offset.
public struct MailPosition: Hashable, Sendable, CustomStringConvertible {
    /// The file as the user named it (for a folder: the folder's path joined with the file's relative path).
    public var file: String
    /// 1-based line of the message's first line (its `From ` line in an mbox; 1 in an `.eml` file).
    public var line: Int
    /// 0-based byte offset of that line in the file.
    public var byteOffset: Int

    /// Creates a position.
    public init(file: String, line: Int = 1, byteOffset: Int = 0) {
        self.file = file
        self.line = line
        self.byteOffset = byteOffset
    }

    /// `file:line (byte N)`.
    public var description: String { "\(file):\(line) (byte \(byteOffset))" }
}

/// A parsed customer e-mail.
public struct MailMessage: Hashable, Sendable {
    /// The Message-ID without its angle brackets (the ticket id), or nil when the mail has none.
    public var id: String?
    /// The Subject with encoded words decoded; empty when missing.
    public var subject: String
    /// The sender's display name, or nil.
    public var senderName: String?
    /// The sender's address, or nil.
    public var senderAddress: String?
    /// The Date header's moment, or nil when missing or unreadable.
    public var date: Date?
    /// What the customer asks: the text without quoted history, signature and greeting.
    public var request: String
    /// The whole decoded text (text/plain, else text/html as plain text), LF line breaks.
    public var text: String
    /// Where the message was read.
    public var position: MailPosition

    /// Parses one RFC 5322 message.
    ///
    /// - Throws: `FileFormatError` `.invalidData` with one problem at `position` saying what is
    ///   wrong: an empty message, one cut off in its headers or multipart body, an unsupported
    ///   charset or transfer encoding, no text part.
    public init(parsing bytes: some Collection<UInt8>, at position: MailPosition) throws(FileFormatError) {
        do {
            let message = try MIMEPart(ArraySlice(bytes), isMessage: true)
            let headers = message.headers
            id = Self.messageID(headers["message-id"])
            subject = try EncodedWords.decode(headers["subject"] ?? "")
            let sender = try headers["from"].map { header throws(FileFormatError) in try MailAddress(parsing: header) }
            senderName = sender?.name
            senderAddress = sender?.address
            date = headers["date"].flatMap(MailDate.parse)
            text = try message.messageText()
            request = MailRequestCleaner.request(in: text)
            self.position = position
        } catch {
            throw FileFormatError(.invalidData, problems: error.problems.map {
                .init(file: position.file, line: position.line, byteOffset: position.byteOffset, message: $0.message)
            })
        }
    }

    /// `<abc@example.com>` → `abc@example.com`; nil when missing or empty.
    private static func messageID(_ header: String?) -> String? {
        guard var value = header?.trimmingBlanks(), !value.isEmpty else { return nil }
        if let open = value.firstIndex(of: "<"), let close = value[open...].firstIndex(of: ">") {
            value = String(value[value.index(after: open)..<close])
        }
        value = value.trimmingBlanks()
        return value.isEmpty ? nil : value
    }
}
