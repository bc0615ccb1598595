// The Sentiment module's one error type: bad lexicon files and bad combiner inputs.

/// A problem reading a lexicon or fitting a combiner; carries the line, never customer text.
public struct SentimentError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        case badLexiconLine(source: String, line: Int, reason: String)
        case badTrainingData(String)
        case badCombinerFile(String)
    }

    private let kind: Kind

    /// A lexicon line that is not `term<TAB>valence[<TAB>tags]` with valence in [-4, 4].
    public static func badLexiconLine(source: String, line: Int, reason: String) -> SentimentError {
        SentimentError(kind: .badLexiconLine(source: source, line: line, reason: reason))
    }

    /// Combiner training data that cannot be fitted (empty, ragged, non-finite).
    public static func badTrainingData(_ reason: String) -> SentimentError {
        SentimentError(kind: .badTrainingData(reason))
    }

    /// A saved combiner with the wrong format name, version or shapes.
    public static func badCombinerFile(_ reason: String) -> SentimentError {
        SentimentError(kind: .badCombinerFile(reason))
    }

    /// `file:line: reason` for lexicon lines, a short sentence otherwise.
    public var description: String {
        switch kind {
        case let .badLexiconLine(source, line, reason): "\(source):\(line): \(reason)"
        case let .badTrainingData(reason): "sentiment training data: \(reason)"
        case let .badCombinerFile(reason): "sentiment combiner file: \(reason)"
        }
    }
}
