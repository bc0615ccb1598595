// Whole training steps of the chat network at the PyTorch peer's shapes (`torch_peer.py`:
// vocabulary 8,000, 4 heads, ff 4d, tied LM head, intent head of 77, AdamW, batch 64 × seq 32)
// on seeded random ids: tokens/s per shape, for `scripts/bench-training` to set beside the peer's.
import LanguageModeling
import Primitives
import TensorCore

/// Times `NetworkWorkload.trainStep` at each configured shape.
public struct TrainingThroughputBenchmark {
    /// The shapes and threads.
    public var settings = NetworkBenchmarkSettings()
    /// V, the LM head's size.
    public var vocabularySize = 8_000
    /// Intent classes.
    public var intentCount = 77
    /// Sequences per step.
    public var batch = 64
    /// Tokens per sequence.
    public var length = 32
    /// Untimed steps first.
    public var warmUpSteps = 3
    /// Timed steps; the median is reported.
    public var timedSteps = 15

    /// The standard run for `settings`, or a short one when `quick`.
    public init(quick: Bool, settings: NetworkBenchmarkSettings = NetworkBenchmarkSettings()) {
        self.settings = settings
        if quick {
            warmUpSteps = 1
            timedSteps = 2
        }
    }

    /// Per shape: `training.dWxL.tokens_per_s`, `.step_ms` (median) and `.gflops` (useful work,
    /// 3 × the forward's matmul FLOPs as the peer counts them).
    public func run() -> [BenchmarkRecord] {
        let savedThreads = BLAS.threadCount
        defer { BLAS.threadCount = savedThreads }
        BLAS.threadCount = settings.trainingThreads
        var records: [BenchmarkRecord] = []
        for shape in settings.shapes {
            do {
                records += try measure(shape)
            } catch {
                records.append(BenchmarkRecord(name: "training.\(shape).failed", value: .nan, unit: "\(error)"))
            }
        }
        return records
    }

    /// The three figures of one shape.
    private func measure(_ shape: NetworkBenchmarkSettings.Shape) throws -> [BenchmarkRecord] {
        let workload = NetworkWorkload(vocabularySize: vocabularySize, width: shape.width, layers: shape.layers,
                                       heads: 4, intentCount: intentCount)
        var generator = SeededGenerator(seed: 5)
        let batches = (0..<(warmUpSteps + timedSteps)).map { _ in randomBatch(using: &generator) }
        var next = 0
        let step = try Stopwatch.samples(warmUp: warmUpSteps, runs: timedSteps) { () throws in
            let (ids, targets, intents) = batches[next]
            next += 1
            _ = try workload.trainStep(ids: ids, targets: targets, intents: intents, batch: batch, length: length)
        }.median
        let tokensPerSecond = Double(batch * length) / step
        let name = "training.\(shape)"
        return [
            BenchmarkRecord(name: "\(name).tokens_per_s", value: tokensPerSecond, unit: "tokens/s"),
            BenchmarkRecord(name: "\(name).step_ms", value: step * 1000, unit: "ms"),
            BenchmarkRecord(name: "\(name).gflops", value: tokensPerSecond * 3 * forwardFLOPsPerToken(shape) / 1e9,
                            unit: "GFLOP/s"),
        ]
    }

    /// Ids [B·T], next-token targets [B·T] and intents [B] drawn uniformly.
    private func randomBatch(using generator: inout SeededGenerator) -> ([Int], [Int], [Int]) {
        var ids: [Int] = [], targets: [Int] = []
        for _ in 0..<batch {
            let row = (0...length).map { _ in Int(generator.next() % UInt64(vocabularySize)) }
            ids += row.dropLast()
            targets += row.dropFirst()
        }
        let intents = (0..<batch).map { _ in Int(generator.next() % UInt64(intentCount)) }
        return (ids, targets, intents)
    }

    /// Matmul FLOPs per token of one forward at sequence `length`, as `torch_peer.py` counts:
    /// 2 × (L · (12d² + (T+1)d) + V·d).
    private func forwardFLOPsPerToken(_ shape: NetworkBenchmarkSettings.Shape) -> Double {
        let d = Double(shape.width)
        let perLayer = 12 * d * d + Double(length + 1) * d
        return 2 * (Double(shape.layers) * perLayer + Double(vocabularySize) * d)
    }
}
