// Helpers for the mail tests: messages written as text in the tests (our own words, never real
// mail), turned into bytes with CRLF or single-byte charsets, and parsed.
import FileFormats
import Foundation

enum MailFixtures {
    /// The UTF-8 bytes of `text` with every LF turned into CRLF (as mail travels).
    static func crlf(_ text: String) -> [UInt8] {
        Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    /// `text` as single bytes: every scalar must be below U+0100 and becomes that byte, so
    /// `"caf\u{E9}"` is ISO-8859-1 and `"\u{80}"` is the Windows-1252 euro byte.
    static func singleBytes(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
    }

    /// Parses `bytes` as a message read from `test.eml`.
    static func parse(_ bytes: [UInt8]) throws -> MailMessage {
        try MailMessage(parsing: bytes, at: MailPosition(file: "test.eml"))
    }

    /// Parses `text` (UTF-8, LF line breaks) as a message.
    static func parse(_ text: String) throws -> MailMessage {
        try parse(Array(text.utf8))
    }

    /// The one problem message of the error `body` throws, or nil when it does not throw.
    static func failure(_ body: () throws -> Void) -> FileFormatError.Problem? {
        do {
            try body()
            return nil
        } catch let error as FileFormatError {
            return error.problems.first
        } catch {
            return nil
        }
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chatbot-mail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
