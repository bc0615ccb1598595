// What happens to text on its way into a store: NUL bytes become U+FFFD (PostgreSQL text cannot
// hold them, and both engines must agree), personal data is redacted, and sizes are bounded.
// Identifiers the program writes (intent names, labels, model versions) are not redacted.

/// How a store cleans text before storing it. Every store has one; redaction is on by default.
public struct StoragePolicy: Sendable, Equatable {
    /// Replaces personal data; `.disabled` stores text as given.
    public var redactor: Redactor
    /// The largest text (message, entities, payload…) accepted, in UTF-8 bytes, after redaction.
    public var maxTextBytes: Int

    /// A policy; by default redacting everything and accepting texts up to 4 MiB.
    public init(redactor: Redactor = .standard, maxTextBytes: Int = 4 * 1024 * 1024) {
        self.redactor = redactor
        self.maxTextBytes = maxTextBytes
    }

    /// The default policy.
    public static let standard = StoragePolicy()

    /// Turns bytes that should be UTF-8 into a string, replacing invalid sequences with U+FFFD,
    /// the way every store treats text (Swift strings are always valid Unicode).
    public static func text(fromUTF8 bytes: some Sequence<UInt8>) -> String {
        String(decoding: Array(bytes), as: UTF8.self)
    }

    /// `text` as it will be stored: NUL → U+FFFD, redacted, checked against the size limit.
    public func cleaned(_ text: String, field: String) throws(StorageError) -> String {
        var text = text
        if text.utf8.contains(0) { text = text.replacingNULs() }
        text = redactor.redact(text)
        let bytes = text.utf8.count
        guard bytes <= maxTextBytes else { throw .textTooLong(field: field, bytes: bytes, limit: maxTextBytes) }
        return text
    }

    /// An optional text as it will be stored.
    public func cleaned(optional text: String?, field: String) throws(StorageError) -> String? {
        guard let text else { return nil }
        return try cleaned(text, field: field)
    }

    /// An identifier the program wrote (an intent name, a sentiment label, a model version such
    /// as `20261201-074621-transformer`) as it will be stored: NUL → U+FFFD and the size limit,
    /// but never redacted, since it is not what a customer or an agent wrote.
    public func cleaned(identifier: String?, field: String) throws(StorageError) -> String? {
        guard var text = identifier else { return nil }
        if text.utf8.contains(0) { text = text.replacingNULs() }
        let bytes = text.utf8.count
        guard bytes <= maxTextBytes else { throw .textTooLong(field: field, bytes: bytes, limit: maxTextBytes) }
        return text
    }

    /// A JSON text (entities, ticket payloads and results) as it will be stored: every object
    /// whose `kind` is personal data this policy redacts keeps only the placeholder in its
    /// `value` and `text`, and then the whole text is cleaned like any other. Text that is not
    /// JSON is cleaned as plain text.
    public func cleaned(json text: String, field: String) throws(StorageError) -> String {
        try cleaned(redactor.maskingPersonalEntities(in: text), field: field)
    }

    /// A conversation as it will be stored (times rounded to microseconds).
    public func cleaned(_ conversation: Conversation) throws(StorageError) -> Conversation {
        var copy = conversation
        copy.customerRef = try cleaned(optional: conversation.customerRef, field: "customer_ref")
        copy.startedAt = .init(microseconds: conversation.startedAt.microseconds)
        copy.endedAt = conversation.endedAt.map { .init(microseconds: $0.microseconds) }
        return copy
    }

    /// A message as it will be stored (text and entities redacted, identifiers kept, time rounded).
    public func cleaned(_ message: Message) throws(StorageError) -> Message {
        var copy = message
        copy.text = try cleaned(message.text, field: "message text")
        copy.entitiesJSON = try message.entitiesJSON.map { (json) throws(StorageError) in
            try cleaned(json: json, field: "message entities")
        }
        copy.intent = try cleaned(identifier: message.intent, field: "message intent")
        copy.sentimentLabel = try cleaned(identifier: message.sentimentLabel, field: "sentiment label")
        copy.modelVersion = try cleaned(identifier: message.modelVersion, field: "model version")
        copy.createdAt = .init(microseconds: message.createdAt.microseconds)
        return copy
    }

    /// Feedback as it will be stored.
    public func cleaned(_ feedback: Feedback) throws(StorageError) -> Feedback {
        var copy = feedback
        copy.value = try cleaned(feedback.value, field: "feedback value")
        copy.author = try cleaned(optional: feedback.author, field: "feedback author")
        copy.createdAt = .init(microseconds: feedback.createdAt.microseconds)
        return copy
    }
}

extension String {
    /// The string with every U+0000 replaced by U+FFFD.
    func replacingNULs() -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in unicodeScalars { scalars.append(scalar == "\0" ? "\u{FFFD}" : scalar) }
        return String(scalars)
    }
}
