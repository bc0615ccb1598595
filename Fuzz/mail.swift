// Fuzz target: one e-mail message (headers, encoded words, MIME parts, transfer encodings,
// charsets, HTML) and the request cleaner on its text.
import FileFormats
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMail(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let message = try? MailMessage(parsing: bytes, at: MailPosition(file: "fuzz.eml")) else { return 0 }
    _ = MailRequestCleaner.request(in: message.text)
    return 0
}
