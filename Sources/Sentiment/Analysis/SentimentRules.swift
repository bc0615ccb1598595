// The tunable constants of the lexicon analyser, with their defaults. The defaults were set by
// hand from how people write (not fitted on any data set); a config file may override them.

/// Weights of the rules `LexiconSentimentAnalyser` applies.
public struct SentimentRules: Codable, Sendable, Equatable {
    /// How many words back a negator or degree word reaches ("not at all good" → 3).
    public var scope = 3
    /// Multiplier of a negated valence: flips it and weakens it ("not great" is milder than "bad").
    public var negationFactor = -0.6
    /// Multiplier of a word in capitals when the message as a whole is not shouted.
    public var capsFactor = 1.35
    /// Multiplier of the whole sum when most of the message is in capitals (shouting).
    public var shoutingFactor = 1.15
    /// Fraction of capitalised words (of at least two) above which a message counts as shouted.
    public var shoutingFraction = 0.8
    /// Multiplier of a stretched word ("sooo bad", "noooo").
    public var elongationFactor = 1.2
    /// Weight of what comes before a contrast word ("but", "however").
    public var beforeContrast = 0.5
    /// Weight of what comes after it.
    public var afterContrast = 1.5
    /// Weight of a concessive clause ("although it was late, …").
    public var concessiveWeight = 0.5
    /// Multiplier of politeness ("thanks", "please and thank you") in a message that also complains.
    public var courtesyInComplaint = 0.3
    /// Added to the magnitude of the sum per "!" (up to `maxExclamations`).
    public var exclamationStep = 0.3
    /// The most "!" marks that count.
    public var maxExclamations = 4
    /// Added to the magnitude of a negative sum per "?" when there are two or more ("why???").
    public var questionStep = 0.2
    /// The most "?" marks that count.
    public var maxQuestions = 3
    /// Normalisation: score = sum / sqrt(sum² + alpha); 15 puts one strong word (valence 4) near ±0.72.
    public var alpha = 15.0
    /// Scores with magnitude below this are neutral.
    public var neutralBand = 0.1
    /// The most drivers a result lists (largest contributions first).
    public var maxDrivers = 20

    /// The defaults.
    public init() {}
}
