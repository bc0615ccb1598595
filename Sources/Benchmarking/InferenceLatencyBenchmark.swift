// Batch-1 inference of the chat network at the PyTorch peer's shapes (`torch_peer.py`):
// classification of a 16-token sequence and greedy generation of 32 tokens after a 16-token
// prompt with the key/value cache, on seeded random weights and ids.
import LanguageModeling
import Primitives
import TensorCore

/// Times `NetworkWorkload.classify` and `.generate` at each configured shape.
public struct InferenceLatencyBenchmark {
    /// The shapes and threads.
    public var settings = NetworkBenchmarkSettings()
    /// V, the LM head's size.
    public var vocabularySize = 8_000
    /// Intent classes.
    public var intentCount = 77
    /// Tokens classified, and the prompt's length.
    public var sequenceLength = 16
    /// Tokens generated per run.
    public var newTokens = 32
    /// Timed classifications.
    public var classifyCalls = 300
    /// Timed generations.
    public var generateRuns = 15

    /// The standard run for `settings`, or a short one when `quick`.
    public init(quick: Bool, settings: NetworkBenchmarkSettings = NetworkBenchmarkSettings()) {
        self.settings = settings
        if quick {
            classifyCalls = 5
            generateRuns = 2
        }
    }

    /// Per shape: `inference.dWxL.classify_ms` (median), `.classify_p99_ms`,
    /// `.generate_ms_per_token` (median run / new tokens) and `.cache_matches_recompute` (1 or 0).
    public func run() -> [BenchmarkRecord] {
        let savedThreads = BLAS.threadCount
        defer { BLAS.threadCount = savedThreads }
        BLAS.threadCount = settings.inferenceThreads
        var records: [BenchmarkRecord] = []
        for shape in settings.shapes {
            do {
                records += try measure(shape)
            } catch {
                records.append(BenchmarkRecord(name: "inference.\(shape).failed", value: .nan, unit: "\(error)"))
            }
        }
        return records
    }

    /// The four figures of one shape.
    private func measure(_ shape: NetworkBenchmarkSettings.Shape) throws -> [BenchmarkRecord] {
        let workload = NetworkWorkload(vocabularySize: vocabularySize, width: shape.width, layers: shape.layers,
                                       heads: 4, intentCount: intentCount)
        var generator = SeededGenerator(seed: 9)
        let ids = (0..<sequenceLength).map { _ in Int(generator.next() % UInt64(vocabularySize)) }
        let name = "inference.\(shape)"
        let classify = try Stopwatch.samples(warmUp: 10, runs: classifyCalls) { () throws in _ = try workload.classify(ids) }
        let cached = try workload.generate(prompt: ids, newTokens: newTokens, usesCache: true)
        let recomputed = try workload.generate(prompt: ids, newTokens: newTokens, usesCache: false)
        let runs = try Stopwatch.samples(warmUp: 2, runs: generateRuns) { () throws in
            _ = try workload.generate(prompt: ids, newTokens: newTokens, usesCache: true)
        }
        return [
            BenchmarkRecord(name: "\(name).classify_ms", value: classify.median * 1000, unit: "ms"),
            BenchmarkRecord(name: "\(name).classify_p99_ms", value: classify.percentile(99) * 1000, unit: "ms"),
            BenchmarkRecord(name: "\(name).generate_ms_per_token", value: runs.median * 1000 / Double(newTokens), unit: "ms"),
            BenchmarkRecord(name: "\(name).cache_matches_recompute", value: cached == recomputed ? 1 : 0, unit: "bool"),
        ]
    }
}
