// Softmax cross-entropy over logits with integer targets, fused so the gradient is p − q in one
// pass. PyTorch semantics for label smoothing (q = (1−ε)·onehot + ε/V) and ignore_index (those
// rows contribute nothing; the mean is over the others). Shapes: logits [N, V], targets [N].
import Foundation

/// Mean softmax cross-entropy with optional label smoothing and an ignored target value.
public struct CrossEntropy: Sendable {
    /// ε: the share of target probability spread evenly over all V classes.
    public var labelSmoothing: Float
    /// Targets equal to this contribute neither loss nor gradient (PyTorch's default is −100).
    public var ignoreIndex: Int

    /// A loss with smoothing ε in [0, 1] and the given ignore index.
    public init(labelSmoothing: Float = 0, ignoreIndex: Int = -100) {
        precondition(labelSmoothing >= 0 && labelSmoothing <= 1, "label smoothing \(labelSmoothing) is not in [0, 1]")
        self.labelSmoothing = labelSmoothing
        self.ignoreIndex = ignoreIndex
    }

    /// The mean loss over non-ignored rows and d(loss)/d(logits) [N, V].
    ///
    /// - Parameters:
    ///   - logits: [N, V] unnormalised scores.
    ///   - targets: [N] class ids in 0..<V, or `ignoreIndex`.
    /// - Throws: `TensorCoreError.targetOutOfRange` or `.shapeMismatch`.
    /// - Returns: The loss (0 when every row is ignored) and its gradient.
    public func callAsFunction(logits: Tensor, targets: [Int]) throws -> (loss: Float, logitsGradient: Tensor) {
        var gradient = Tensor.empty
        let loss = try compute(logits: logits, targets: targets, gradient: &gradient)
        return (loss, gradient)
    }

    /// Like `callAsFunction`, writing the gradient into `gradient` (resized to [N, V], storage reused).
    public func compute(logits: Tensor, targets: [Int], gradient: inout Tensor) throws -> Float {
        guard logits.rank == 2, logits.shape[0] == targets.count, logits.shape[1] > 0 else {
            throw TensorCoreError.shapeMismatch("logits \(logits.shape) and \(targets.count) targets")
        }
        let (rows, v) = (logits.shape[0], logits.shape[1])
        var counted = 0
        for (position, target) in targets.enumerated() where target != ignoreIndex {
            guard target >= 0 && target < v else { throw TensorCoreError.targetOutOfRange(target, at: position, limit: v) }
            counted += 1
        }
        gradient.resize(to: [rows, v])
        guard rows > 0 else { return 0 }
        let epsilon = labelSmoothing, uniform = labelSmoothing / Float(v)
        let inverseCount = counted > 0 ? 1 / Float(counted) : 0
        // Rows in parallel chunks (a [2048, 8000] LM batch is 16 M exponentials); one partial sum per chunk.
        var partials = [Double](repeating: 0, count: Parallel.chunkCount(rows, minimumChunk: Self.rowsPerChunk(v)))
        logits.withUnsafeBufferPointer { zBuffer in
            gradient.withUnsafeMutableBufferPointer { gBuffer in
                partials.withUnsafeMutableBufferPointer { partialBuffer in
                    let (zBase, gBase, partial) = (zBuffer.baseAddress!, gBuffer.baseAddress!, partialBuffer.baseAddress!)
                    Parallel.forEachChunk(rows, minimumChunk: Self.rowsPerChunk(v)) { chunk, range in
                        var total = 0.0
                        for r in range {
                            let z = zBase + r * v, g = gBase + r * v
                            let target = targets[r]
                            guard target != ignoreIndex else {
                                g.update(repeating: 0, count: v)
                                continue
                            }
                            var maximum = -Float.infinity
                            for j in 0..<v { maximum = max(maximum, z[j]) }
                            var sum: Float = 0, logitSum: Float = 0
                            for j in 0..<v {
                                let e = FastMath.exp(z[j] - maximum)
                                g[j] = e
                                sum += e
                                logitSum += z[j]
                            }
                            let logSum = maximum + log(sum)
                            // −Σ q log p = (1−ε)(logSum − z_t) + ε (logSum − mean z)
                            let targetTerm = Double(logSum - z[target])
                            let smoothTerm = Double(logSum) - Double(logitSum) / Double(v)
                            total += Double(1 - epsilon) * targetTerm + Double(epsilon) * smoothTerm
                            let scale = inverseCount / sum
                            for j in 0..<v { g[j] = g[j] * scale - uniform * inverseCount }
                            g[target] -= (1 - epsilon) * inverseCount
                        }
                        partial[chunk] = total
                    }
                }
            }
        }
        let total = partials.reduce(0, +)
        return Float(total * Double(inverseCount))
    }

    /// Rows per parallel chunk for `v` classes: about 64 k values, so small heads stay on one thread.
    static func rowsPerChunk(_ v: Int) -> Int { max(1, 65_536 / v) }
}
