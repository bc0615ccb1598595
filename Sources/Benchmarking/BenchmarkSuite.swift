// The named groups of measurements that `chatbot bench --suite` selects.

/// A group of related benchmark figures.
public enum BenchmarkSuite: String, CaseIterable, Sendable {
    /// sgemm GFLOP/s (square and transformer shapes) against the machine's peak.
    case gemm
    /// One TransformerBlock's forward + backward at d=256, 4 heads, seq 32, batch 64.
    case block
    /// Conversation store turn inserts/s (1 and 8 writers) and 50-turn read latency, SQLite and PostgreSQL.
    case store
    /// Tokenizer training time, encode and decode throughput on ../shared/data.
    case tokenizer
    /// Lexicon sentiment analyser throughput (messages/s, MB/s) on one core.
    case sentiment
    /// Dialogue turn latency p50/p99: analysis only, and a whole turn into SQLite (needs `intents/`).
    case chat
    /// Hand-offs and intent accuracy with and without context on the demo transcripts (needs a model).
    case dialogue
    /// ChatModel on Banking77 (both trunks, sparse features on/off) and the demo domain.
    case intents
    /// The pretrained encoder: WordPiece speed, embedding latency, Banking77 few-shot, demo, airline sentiment.
    case encoder

    /// The suites a plain `chatbot bench` runs: all but `intents`, which trains models for 20+
    /// minutes, and `encoder`, which needs the encoder (scripts/get-encoder) and takes minutes.
    public static var defaultSuites: [BenchmarkSuite] { allCases.filter { $0 != .intents && $0 != .encoder } }

    /// Runs the suite on `inputs` and returns its figures (`intents` with `intentSettings`).
    public func run(quick: Bool, inputs: BenchmarkInputs = BenchmarkInputs(),
                    intentSettings: IntentBenchmarkSettings = IntentBenchmarkSettings()) -> [BenchmarkRecord] {
        switch self {
        case .gemm: return GEMMBenchmark(quick: quick).run()
        case .block: return TransformerBlockBenchmark(quick: quick).run()
        case .store: return StoreBenchmark(quick: quick).run()
        case .tokenizer:
            var bench = TokenizerBenchmark(quick: quick)
            bench.dataDirectory = inputs.dataDirectory
            return bench.run()
        case .sentiment: return SentimentBenchmark(quick: quick).run()
        case .intents:
            var settings = intentSettings
            settings.dataDirectory = settings.dataDirectory ?? inputs.dataDirectory
            return IntentBenchmark(quick: quick, settings: settings).run()
        case .chat:
            var bench = ChatBenchmark(quick: quick)
            bench.intentsDirectory = inputs.intentsDirectory
            return bench.run()
        case .dialogue:
            var bench = DialogueBenchmark(quick: quick)
            bench.inputs = inputs
            return bench.run()
        case .encoder:
            var settings = intentSettings
            settings.dataDirectory = settings.dataDirectory ?? inputs.dataDirectory
            return EncoderBenchmark(quick: quick, settings: settings).run()
        }
    }
}
