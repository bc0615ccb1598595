// The sender of a message from its From header: `"Name" <address>`, `Name <address>`,
// `address (Name)` or a bare address, with encoded words in the name decoded.

/// A display name and an address, either of which may be missing.
struct MailAddress: Equatable, Sendable {
    var name: String?
    var address: String?

    /// Parses a From header value (the first mailbox when there are several).
    init(parsing header: String) throws(FileFormatError) {
        let value = header.trimmingBlanks()
        if let open = value.lastIndex(of: "<"), let close = value[open...].firstIndex(of: ">") {
            let address = value[value.index(after: open)..<close].trimmingBlanks()
            self.address = address.isEmpty ? nil : address
            self.name = try Self.displayName(value[..<open])
        } else if let open = value.firstIndex(of: "("), let close = value.lastIndex(of: ")"), open < close {
            let address = value[..<open].trimmingBlanks()
            self.address = address.isEmpty ? nil : address
            self.name = try Self.displayName(value[value.index(after: open)..<close])
        } else {
            let address = value.split(separator: ",").first.map { $0.trimmingBlanks() } ?? ""
            self.address = address.contains("@") ? address : nil
            self.name = address.contains("@") || address.isEmpty ? nil : try EncodedWords.decode(address)
        }
    }

    /// A phrase without its quotes, decoded; nil when empty.
    private static func displayName(_ phrase: Substring) throws(FileFormatError) -> String? {
        var text = phrase.trimmingBlanks()
        if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 {
            text = ContentType.unquote(text.dropFirst().dropLast())
        }
        // Encoded words inside quotes are not allowed by RFC 2047, but common; decode them anyway.
        let decoded = try EncodedWords.decode(text).trimmingBlanks()
        return decoded.isEmpty ? nil : decoded
    }
}
