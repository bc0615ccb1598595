// What an analyser says about one message: label, score, and the drivers a human can read.
import Primitives

/// One word, phrase, emoji or punctuation rule that moved the score, with its final contribution.
public struct SentimentDriver: Codable, Sendable, Equatable {
    /// The text as it appeared (phrases joined by spaces), e.g. `still waiting`, `😡`, `!!!`.
    public var term: String
    /// The valence from the lexicon before any rule, in [-4, 4] (0 for message-level rules).
    public var valence: Double
    /// The contribution to the raw sum after negation, intensity, contrast and emphasis.
    public var contribution: Double
    /// Rules that changed it, e.g. `negated by "not"`, `×1.3 "very"`, `CAPS`, `after "but"`.
    public var notes: [String]

    /// A driver with its valence, contribution and notes.
    public init(term: String, valence: Double, contribution: Double, notes: [String] = []) {
        self.term = term
        self.valence = valence
        self.contribution = contribution
        self.notes = notes
    }
}

/// The sentiment of one message.
public struct SentimentResult: Codable, Sendable, Equatable {
    /// The class.
    public var label: SentimentLabel
    /// The polarity in [-1, 1]: negative below zero.
    public var score: Double
    /// Class probabilities in `SentimentLabel.allCases` order when the analyser has them
    /// (a learned head or the combiner); nil for the lexicon alone.
    public var probabilities: [Double]?
    /// What moved the score, largest absolute contribution first.
    public var drivers: [SentimentDriver]

    /// A result; `drivers` should be sorted by absolute contribution.
    public init(label: SentimentLabel, score: Double, probabilities: [Double]? = nil, drivers: [SentimentDriver] = []) {
        self.label = label
        self.score = score
        self.probabilities = probabilities
        self.drivers = drivers
    }

    /// The lexicon's part of the combiner's features (`SentimentCombination.features`): the
    /// score, then the positive and negative mass of the drivers squashed to [0, 1) (so "great
    /// but awful" differs from "nothing said").
    public var lexiconFeatures: [Double] {
        let positive = drivers.reduce(0) { $0 + max($1.contribution, 0) }
        let negative = drivers.reduce(0) { $0 - min($1.contribution, 0) }
        return [score, positive / (positive + 4), negative / (negative + 4)]
    }
}
