// The role every sentiment source plays: the lexicon, the model's learned head, and the
// combination of both.

/// Reads one message and says how it feels.
public protocol SentimentAnalyser: Sendable {
    /// Analyses a message. Swift strings are always valid Unicode; see `analyse(bytes:)` for raw input.
    func analyse(_ text: String) -> SentimentResult

    /// Analyses many messages, in order (analysers with a model batch them; the default maps `analyse`).
    func analyse(_ texts: [String]) -> [SentimentResult]
}

extension SentimentAnalyser {
    /// One `analyse` per message.
    public func analyse(_ texts: [String]) -> [SentimentResult] {
        texts.map { analyse($0) }
    }

    /// Analyses raw bytes: invalid UTF-8 sequences become U+FFFD, which carry no sentiment.
    public func analyse(bytes: [UInt8]) -> SentimentResult {
        analyse(String(decoding: bytes, as: UTF8.self))
    }
}
