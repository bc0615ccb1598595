// What a `LanguageUnderstanding` says about one customer message.

/// An intent with its probability.
public struct IntentGuess: Hashable, Sendable, Codable {
    /// The intent name.
    public var intent: String
    /// Its probability in 0…1.
    public var confidence: Double

    /// An intent guess.
    public init(intent: String, confidence: Double) {
        self.intent = intent
        self.confidence = confidence
    }
}

/// The reading of one customer message.
public struct Understanding: Hashable, Sendable, Codable {
    /// The most likely intent (even when out of scope; check `isOutOfScope`).
    public var intent: String
    /// Its probability in 0…1.
    public var confidence: Double
    /// The best intents, most likely first, the top one included (at most three).
    public var ranked: [IntentGuess]
    /// True when the message is not confidently any known intent (the engine asks to rephrase).
    public var isOutOfScope: Bool
    /// Negative, neutral and positive probabilities if the understanding has a sentiment head.
    public var sentimentProbabilities: [Double]?

    /// An understanding; `ranked` defaults to the top intent alone.
    public init(intent: String, confidence: Double, ranked: [IntentGuess]? = nil, isOutOfScope: Bool = false,
                sentimentProbabilities: [Double]? = nil) {
        self.intent = intent
        self.confidence = confidence
        self.ranked = ranked ?? [IntentGuess(intent: intent, confidence: confidence)]
        self.isOutOfScope = isOutOfScope
        self.sentimentProbabilities = sentimentProbabilities
    }
}
