// Forward + backward of one pre-LN TransformerBlock at the model's benchmark size (d=256,
// 4 heads, seq 32, batch 64 = 2,048 tokens), at 1 and 2 OpenBLAS threads, for comparison with
// the same block in PyTorch.
import Primitives
import TensorCore

/// Times one TransformerBlock training step (forward and backward, no optimizer).
public struct TransformerBlockBenchmark: Sendable {
    /// Model width.
    public var channels = 256
    /// Attention heads.
    public var headCount = 4
    /// Sequence length.
    public var length = 32
    /// Sequences per batch.
    public var batch = 64
    /// OpenBLAS thread counts to measure at.
    public var threadCounts = [1, 2]
    /// Untimed steps before measuring.
    public var warmUpSteps = 3
    /// Timed steps; the median is reported.
    public var timedSteps = 15

    /// The standard configuration, or a short one when `quick`.
    public init(quick: Bool = false) {
        if quick {
            warmUpSteps = 1
            timedSteps = 3
        }
    }

    /// Runs every measurement and returns its records (ms per step, µs per token, forward share).
    public func run() -> [BenchmarkRecord] {
        var generator = SeededGenerator(seed: 17)
        let block = TransformerBlock(channels: channels, headCount: headCount, generator: &generator)
        let input = Tensor.randomNormal([batch, length, channels], using: &generator)
        let outputGradient = Tensor.randomNormal([batch, length, channels], standardDeviation: 0.01, using: &generator)
        let tokens = Double(batch * length)
        var records: [BenchmarkRecord] = []
        let savedThreads = BLAS.threadCount
        defer { BLAS.threadCount = savedThreads }
        for threads in threadCounts {
            BLAS.threadCount = threads
            var forwardTimes: [Double] = []
            let steps = Stopwatch.samples(warmUp: warmUpSteps, runs: timedSteps) {
                forwardTimes.append(Stopwatch.seconds { _ = block.forward(input) })
                _ = block.backward(outputGradient)
            }
            let milliseconds = steps.median * 1000
            let suffix = "threads\(threads)"
            records.append(BenchmarkRecord(name: "block.forward_backward.ms_per_step.\(suffix)", value: milliseconds, unit: "ms"))
            records.append(BenchmarkRecord(name: "block.forward_backward.us_per_token.\(suffix)",
                                           value: milliseconds * 1000 / tokens, unit: "us"))
            records.append(BenchmarkRecord(name: "block.forward.ms_per_step.\(suffix)",
                                           value: forwardTimes.dropFirst(warmUpSteps).map { $0 }.median * 1000, unit: "ms"))
        }
        return records
    }
}
