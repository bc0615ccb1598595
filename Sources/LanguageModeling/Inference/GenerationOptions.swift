// How a reply is decoded: greedy or sampled (temperature, top-k, top-p, seeded), repetition
// control, length limit, an optional forced intent, and whether to use the key/value cache.

/// Settings for `ChatModel.generate`.
public struct GenerationOptions: Sendable, Equatable {
    /// Softmax temperature; 0 or less decodes greedily (default 0).
    public var temperature: Float = 0
    /// Sample only among the k most likely tokens; 0 disables (default 0).
    public var topK = 0
    /// Sample only from the smallest set of tokens whose probability reaches p; 1 disables (default 1).
    public var topP: Float = 1
    /// Divide the positive logits of tokens the reply already used by this (multiply the
    /// negative ones), CTRL's repetition penalty; 1 disables (default 1).
    public var repetitionPenalty: Float = 1
    /// Never say an n-gram of this many tokens twice in one reply; 0 disables (default 0).
    public var noRepeatNGramSize = 0
    /// At most this many reply tokens (default 64).
    public var maxNewTokens = 64
    /// Seed of the sampler (default 0), so the same options give the same reply.
    public var seed: UInt64 = 0
    /// Start the reply with `<intent:NAME> <agent>` for this intent instead of the predicted one.
    public var intent: String?
    /// Decode incrementally with the key/value cache or LSTM state (default true); false recomputes the whole prefix per token.
    public var usesCache = true

    /// Greedy decoding of up to 64 tokens with the cache.
    public init() {}

    /// How the chat, tickets and the reply gate's calibration decode replies for a model with a
    /// `contextLength`-token window: greedy, no 4-token sequence said twice (keeps an
    /// under-trained model from looping; docs/BENCHMARKS.md, "Generated replies on Bitext"), at
    /// most three quarters of the window and at least 40 tokens (96 for the demo's 128; room for
    /// ~110-word replies in a longer one).
    public static func replies(contextLength: Int) -> GenerationOptions {
        var options = GenerationOptions()
        options.noRepeatNGramSize = 4
        options.maxNewTokens = max(40, contextLength * 3 / 4)
        return options
    }
}

/// A generated reply; two are equal when they say the same (their confidences may differ in the
/// last bits: cached and recomputed decoding round differently).
public struct GeneratedReply: Sendable, Equatable {
    /// The reply text, delexicalised (`{slot}` placeholders intact), control tokens removed.
    public var text: String
    /// The intent whose token started the reply.
    public var intent: String
    /// The generated token ids (the closing `<eos>` excluded).
    public var tokenIDs: [Int]
    /// True when the model ended with `<eos>`, false when the length limit or window stopped it.
    public var finished: Bool
    /// The mean natural-log probability the model gave each chosen token and the closing `<eos>`
    /// (before repetition control): near 0 when it is sure of every step; `ReplyGate` reads it.
    public var meanLogProbability: Double

    /// Same text, intent, tokens and ending.
    public static func == (lhs: GeneratedReply, rhs: GeneratedReply) -> Bool {
        lhs.text == rhs.text && lhs.intent == rhs.intent && lhs.tokenIDs == rhs.tokenIDs && lhs.finished == rhs.finished
    }

    /// A reply with every field given.
    public init(text: String, intent: String, tokenIDs: [Int], finished: Bool, meanLogProbability: Double) {
        self.text = text
        self.intent = intent
        self.tokenIDs = tokenIDs
        self.finished = finished
        self.meanLogProbability = meanLogProbability
    }
}
