// The role every sentiment source plays: the lexicon today, the model's learned head and the
// combination of both later.

/// Reads one message and says how it feels.
public protocol SentimentAnalyser: Sendable {
    /// Analyses a message. Swift strings are always valid Unicode; see `analyse(bytes:)` for raw input.
    func analyse(_ text: String) -> SentimentResult
}

extension SentimentAnalyser {
    /// Analyses raw bytes: invalid UTF-8 sequences become U+FFFD, which carry no sentiment.
    public func analyse(bytes: [UInt8]) -> SentimentResult {
        analyse(String(decoding: bytes, as: UTF8.self))
    }
}
