// What the `intents` suite trains and scores, set by `chatbot bench` flags (formerly the
// CHATBOT_BENCH_* environment variables).

/// Settings of the `intents` suite; the defaults are a full run scored on Banking77's test set.
public struct IntentBenchmarkSettings: Sendable, Hashable {
    /// Whether to time training on the demo domain (`intents/`) too (default true).
    public var includeDemoDomain = true
    /// The Banking77 variants to train (`transformer+sparse`, `transformer`, `lstm+sparse`,
    /// `lstm`); nil: all of them (quick runs: the first). An unknown name such as `none` selects nothing.
    public var variants: [String]?
    /// A JSON object of config fields (`config.json` keys) applied over the defaults, or nil.
    public var configJSON: String?
    /// Score on a stratified 10 % of train.csv (seed 2024) instead of test.csv, for choosing settings.
    public var scoreOnValidationSplit = false
    /// With `scoreOnValidationSplit`: a folder to write that split to (train.csv,
    /// validation.csv), for running the Python peer on the same rows.
    public var splitDumpDirectory: String?

    /// encoder: the encoder folder; nil: `EncoderBenchmark.defaultEncoderDirectory`.
    public var encoderDirectory: String?

    /// The data folder holding `banking77/train.csv` and `test.csv`; nil: `BenchmarkInputs.locateData()`.
    public var dataDirectory: String?

    /// The defaults.
    public init() {}
}
