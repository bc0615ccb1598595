// sgemm throughput through TensorCore: square sizes 64…2048 and the transformer's real shapes,
// at 1 and 2 OpenBLAS threads, beside the machine's theoretical peak.
import Primitives
import TensorCore

/// Measures GFLOP/s of `Tensor.addMatmul` (one `cblas_sgemm` call each).
public struct GEMMBenchmark: Sendable {
    /// A named product op(A)[m×k] · op(B)[k×n].
    public struct Shape: Sendable {
        public var name: String
        public var m: Int, n: Int, k: Int
        public var transposeA = false, transposeB = false
    }

    /// Square sizes to measure.
    public var squareSizes = [64, 128, 256, 512, 1024, 2048]
    /// OpenBLAS thread counts to measure at.
    public var threadCounts = [1, 2]
    /// Minimum seconds of timed work per figure.
    public var minimumSeconds = 0.3

    public init(quick: Bool = false) {
        if quick {
            squareSizes = [64, 256]
            minimumSeconds = 0.05
        }
    }

    /// The forward and backward products of one pre-LN transformer block (d=256, ff 4d,
    /// batch 64 × seq 32 = 2,048 tokens) and of the 8,000-token tied LM head.
    public static let transformerShapes: [Shape] = {
        let tokens = 64 * 32, d = 256, vocab = 8_000
        var shapes: [Shape] = []
        for (layer, inner, outer) in [("qkv", d, 3 * d), ("proj", d, d), ("fc1", d, 4 * d), ("fc2", 4 * d, d),
                                      ("lm_head", d, vocab)] {
            shapes.append(Shape(name: "\(layer).forward", m: tokens, n: outer, k: inner, transposeB: true))
            shapes.append(Shape(name: "\(layer).backward_input", m: tokens, n: inner, k: outer))
            shapes.append(Shape(name: "\(layer).backward_weight", m: outer, n: inner, k: tokens, transposeA: true))
        }
        shapes.append(Shape(name: "attention.scores", m: 32, n: 32, k: d / 4, transposeB: true))
        return shapes
    }()

    /// Runs every measurement and returns the records, peaks first.
    public func run(machine: MachineInfo = .current()) -> [BenchmarkRecord] {
        var records: [BenchmarkRecord] = []
        let savedThreads = BLAS.threadCount
        defer { BLAS.threadCount = savedThreads }
        for threads in threadCounts {
            if let peak = machine.peakGFLOPs(threads: threads) {
                records.append(BenchmarkRecord(name: "sgemm.peak.threads\(threads)", value: peak, unit: "GFLOP/s"))
            }
        }
        let squares = squareSizes.map { Shape(name: "square.n\($0)", m: $0, n: $0, k: $0) }
        for threads in threadCounts {
            BLAS.threadCount = threads
            for shape in squares + Self.transformerShapes {
                let gflops = measure(shape)
                records.append(BenchmarkRecord(
                    name: "sgemm.\(shape.name).threads\(threads)", value: gflops, unit: "GFLOP/s"))
            }
        }
        return records
    }

    /// Median GFLOP/s of repeated products of one shape.
    func measure(_ shape: Shape) -> Double {
        var generator = SeededGenerator(seed: 7)
        let a = Tensor.randomNormal(shape.transposeA ? [shape.k, shape.m] : [shape.m, shape.k], using: &generator)
        let b = Tensor.randomNormal(shape.transposeB ? [shape.n, shape.k] : [shape.k, shape.n], using: &generator)
        var c = Tensor.zeros([shape.m, shape.n])
        let flop = 2 * Double(shape.m) * Double(shape.n) * Double(shape.k)
        let once = Stopwatch.seconds { c.addMatmul(a, b, transposeA: shape.transposeA, transposeB: shape.transposeB, beta: 0) }
        let repeats = max(1, Int(minimumSeconds / 5 / max(once, 1e-7)))
        var rates: [Double] = []
        for _ in 0..<5 {
            let seconds = Stopwatch.seconds {
                for _ in 0..<repeats {
                    c.addMatmul(a, b, transposeA: shape.transposeA, transposeB: shape.transposeB, beta: 0)
                }
            }
            rates.append(flop * Double(repeats) / seconds / 1e9)
        }
        return rates.median
    }
}
