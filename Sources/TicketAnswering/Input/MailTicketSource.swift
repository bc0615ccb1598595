// Tickets from customer e-mail: one `.eml`, a folder of them, or an mbox, read by FileFormats'
// `MailReader`. The Message-ID is the ticket id, the cleaned request the body, the sender's
// display name the customer; a message that cannot be read is a failure at its file (and, in
// an mbox, its line and byte offset).
import FileFormats
import Foundation

/// Reads tickets from e-mail.
public final class MailTicketSource: TicketSource {
    private let messages: MailReader.Iterator
    private let isMbox: Bool

    /// Opens `path`: an mbox file when `format` is `.mbox`, else an `.eml` file or a folder of them.
    ///
    /// - Throws: `TicketAnsweringError` when the path does not exist.
    public init(path: String, format: TicketInputFormat) throws {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        let source: MailReader.Source = format == .mbox ? .mbox : (exists && isFolder.boolValue ? .folder : .message)
        do {
            messages = try MailReader(path: path, source: source).makeIterator()
        } catch {
            throw TicketAnsweringError(error.description)
        }
        isMbox = source == .mbox
    }

    public func next() throws -> TicketSourceItem? {
        switch messages.next() {
        case nil:
            return nil
        case .success(let mail)?:
            let ticket = TicketRequest(
                id: mail.id, subject: mail.subject, body: mail.request, customer: mail.senderName,
                created: mail.date.map { $0.formatted(.iso8601) }, location: location(mail.position))
            return TicketValidation.checked(ticket)
        case .failure(let error)?:
            guard let problem = error.problems.first, let file = problem.file else { throw TicketAnsweringError(error.description) }
            if error.code == .io, isMbox { throw TicketAnsweringError(error.description) }  // the file itself failed
            let position = MailPosition(file: file, line: problem.line ?? 1, byteOffset: problem.byteOffset ?? 0)
            return .failure(TicketReadFailure(location: location(position), reason: problem.message))
        }
    }

    /// A message's place: line and byte offset in an mbox, the file alone for an `.eml`.
    private func location(_ position: MailPosition) -> TicketLocation {
        isMbox ? TicketLocation(file: position.file, line: position.line, byteOffset: position.byteOffset)
            : TicketLocation(file: position.file)
    }
}
