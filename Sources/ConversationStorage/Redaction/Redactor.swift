// Replaces personal data in text with typed placeholders before it is stored: e-mail
// addresses, payment card numbers (Luhn-checked), IBANs (mod-97-checked), phone and US social
// security numbers. One linear scan per detector over the UTF-8 bytes; everything matched is ASCII.
// Public contact details (the shop's own address and number) are not personal data and are kept.

/// Finds and replaces personal data with placeholders such as `{email}`.
public struct Redactor: Sendable, Equatable {
    /// A kind of personal data and its placeholder.
    public enum Kind: String, Sendable, CaseIterable, Hashable {
        case email, phone, iban, ssn
        case cardNumber = "card_number"

        /// The text that replaces a match, e.g. `{card_number}`.
        public var placeholder: String { "{\(rawValue)}" }
    }

    /// The kinds this redactor replaces.
    public var kinds: Set<Kind>
    /// Matches kept as written because they are public (compared as `publicKey`s).
    public private(set) var publicValues: Set<String>

    /// A redactor for the given kinds.
    ///
    /// - Parameter publicValues: contact details that are not personal data, such as the shop's
    ///   own support address and phone number; a match equal to one of them (ignoring case,
    ///   spaces and punctuation) is kept.
    public init(kinds: Set<Kind> = Set(Kind.allCases), publicValues: some Sequence<String> = [String]()) {
        self.kinds = kinds
        self.publicValues = Set(publicValues.map { Self.publicKey($0.utf8) }.filter { !$0.isEmpty })
    }

    /// `text` lower-cased with only ASCII letters, digits and `@` kept: `+1 555-0142` → `15550142`.
    static func publicKey(_ text: some Sequence<UInt8>) -> String {
        let kept = text.filter { PIIScanner.isAlphanumeric($0) || $0 == UInt8(ascii: "@") }.map { PIIScanner.isLetter($0) ? $0 | 0x20 : $0 }
        return String(decoding: kept, as: UTF8.self)
    }

    /// Every kind: the default of every store.
    public static let standard = Redactor()
    /// Replaces nothing (redaction turned off).
    public static let disabled = Redactor(kinds: [])

    /// One match: a byte range of the UTF-8 text and what it is.
    package struct Match: Equatable, Sendable {
        /// Byte offsets into the UTF-8 text.
        package var range: Range<Int>
        /// What was found.
        package var kind: Kind
    }

    /// `text` with every match replaced by its placeholder.
    public func redact(_ text: String) -> String {
        guard !kinds.isEmpty else { return text }
        let bytes = Array(text.utf8)
        let found = matches(in: bytes)
        guard !found.isEmpty else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var position = 0
        for match in found {
            out.append(contentsOf: bytes[position..<match.range.lowerBound])
            out.append(contentsOf: match.kind.placeholder.utf8)
            position = match.range.upperBound
        }
        out.append(contentsOf: bytes[position...])
        return String(decoding: out, as: UTF8.self)
    }

    /// Non-overlapping matches in `bytes`, leftmost first (the longer wins at the same start).
    package func matches(in bytes: [UInt8]) -> [Match] {
        var all: [Match] = []
        if kinds.contains(.email) { all += PIIScanner.emails(in: bytes) }
        if kinds.contains(.iban) { all += PIIScanner.ibans(in: bytes) }
        all += PIIScanner.numbers(in: bytes).filter { kinds.contains($0.kind) }
        all.sort { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }
        var chosen: [Match] = []
        for match in all where match.range.lowerBound >= (chosen.last?.range.upperBound ?? 0) {
            chosen.append(match)
        }
        guard !publicValues.isEmpty else { return chosen }
        return chosen.filter { !publicValues.contains(Self.publicKey(bytes[$0.range])) }
    }
}
