// The named groups of measurements that `chatbot bench --suite` selects.

/// A group of related benchmark figures.
public enum BenchmarkSuite: String, CaseIterable, Sendable {
    /// sgemm GFLOP/s (square and transformer shapes) against the machine's peak.
    case gemm
    /// Lexicon sentiment analyser throughput (messages/s, MB/s) on one core.
    case sentiment

    /// Runs the suite and returns its figures.
    public func run(quick: Bool) -> [BenchmarkRecord] {
        switch self {
        case .gemm: GEMMBenchmark(quick: quick).run()
        case .sentiment: SentimentBenchmark(quick: quick).run()
        }
    }
}
