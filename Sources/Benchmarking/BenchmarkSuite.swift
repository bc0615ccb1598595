// The named groups of measurements that `chatbot bench --suite` selects.

/// A group of related benchmark figures.
public enum BenchmarkSuite: String, CaseIterable, Sendable {
    /// sgemm GFLOP/s (square and transformer shapes) against the machine's peak.
    case gemm
    /// One TransformerBlock's forward + backward at d=256, 4 heads, seq 32, batch 64.
    case block
    /// Tokenizer training time, encode and decode throughput on ../shared/data.
    case tokenizer
    /// ChatModel on Banking77 (both trunks, sparse features on/off) and the demo domain.
    case intents

    /// Runs the suite and returns its figures.
    public func run(quick: Bool) -> [BenchmarkRecord] {
        switch self {
        case .gemm: GEMMBenchmark(quick: quick).run()
        case .block: TransformerBlockBenchmark(quick: quick).run()
        case .tokenizer: TokenizerBenchmark(quick: quick).run()
        case .intents: IntentBenchmark(quick: quick).run()
        }
    }
}
