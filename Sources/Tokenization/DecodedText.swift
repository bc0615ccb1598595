// The result of decoding ids: the text, and what had to be replaced to produce valid text.

/// Text decoded from token ids, with a report of anything replaced by U+FFFD.
public struct DecodedText: Sendable, Equatable {
    /// The decoded text; invalid UTF-8 and unknown ids appear as U+FFFD.
    public var text: String
    /// How many ids were outside the vocabulary (each became one U+FFFD).
    public var unknownIDCount: Int
    /// Whether the token bytes were not valid UTF-8 and were repaired with U+FFFD.
    public var repairedInvalidUTF8: Bool

    /// Whether the text is exactly what the ids stand for, with nothing replaced.
    public var isExact: Bool { unknownIDCount == 0 && !repairedInvalidUTF8 }
}
