// The sparse linear layer: intent logits as the sum of weight rows of the active features, its
// backward into only those rows, and a lazy AdamW step that touches only rows seen in the batch
// (a dense step over 65k x K weights would cost more than the whole transformer).
// Shapes: features B sparse vectors over F buckets, W [F, K], logits [B, K].
import Foundation
import TensorCore

/// Logits = Σ value · W[index] over each example's active features.
final class SparseLinear {
    /// F.
    let bucketCount: Int
    /// K.
    let outputSize: Int
    /// W [F, K].
    let weight: Parameter
    private var firstMoment: [Float]
    private var secondMoment: [Float]
    private var rowSteps: [Int32]
    private var touched: Set<Int32> = []
    private var inputs: [SparseVector] = []

    /// A zero-initialised layer (zero keeps an untrained layer from adding noise to the dense head).
    init(bucketCount: Int, outputSize: Int, name: String) {
        self.bucketCount = bucketCount
        self.outputSize = outputSize
        weight = Parameter(name: name + "weight", value: .zeros([bucketCount, outputSize]))
        firstMoment = [Float](repeating: 0, count: bucketCount * outputSize)
        secondMoment = firstMoment
        rowSteps = [Int32](repeating: 0, count: bucketCount)
    }

    /// Adds the sparse logits of `features` (B vectors) into `logits` [B, K].
    func forward(_ features: [SparseVector], into logits: inout Tensor) {
        inputs = features
        let k = outputSize
        weight.value.withUnsafeBufferPointer { w in
            logits.withUnsafeMutableBufferPointer { y in
                for (row, vector) in features.enumerated() {
                    for (index, value) in zip(vector.indices, vector.values) {
                        let base = Int(index) * k
                        for j in 0..<k { y[row * k + j] += value * w[base + j] }
                    }
                }
            }
        }
    }

    /// Accumulates dW[index] += value · dlogits[row] for the last forward's features. `logitsGradient`: [B, K].
    func backward(_ logitsGradient: Tensor) {
        let k = outputSize
        logitsGradient.withUnsafeBufferPointer { dy in
            weight.gradient.withUnsafeMutableBufferPointer { dw in
                for (row, vector) in inputs.enumerated() {
                    for (index, value) in zip(vector.indices, vector.values) {
                        touched.insert(index)
                        let base = Int(index) * k
                        for j in 0..<k { dw[base + j] += value * dy[row * k + j] }
                    }
                }
            }
        }
    }

    /// A plain gradient step p -= learningRate · g on the rows touched since the last step, then
    /// clears their gradients. Unlike Adam, it moves a weight in proportion to its
    /// feature's values, as an L2-regularised logistic regression does, instead of letting a rare
    /// n-gram learn as fast as a common one.
    func gradientStep(learningRate: Float) {
        let k = outputSize
        let rows = touched.sorted()
        touched.removeAll(keepingCapacity: true)
        weight.value.withUnsafeMutableBufferPointer { p in
            weight.gradient.withUnsafeMutableBufferPointer { g in
                for row in rows {
                    for i in (Int(row) * k)..<(Int(row) * k + k) {
                        p[i] -= learningRate * g[i]
                        g[i] = 0
                    }
                }
            }
        }
    }

    /// A lazy AdamW step on the rows touched since the last step, then clears their gradients.
    ///
    /// Each row keeps its own step count for the bias correction; untouched rows are not decayed.
    /// `l2` adds l2 · p to the gradient of the rows it steps (a coupled L2 penalty, applied lazily).
    func step(learningRate: Float, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8, weightDecay: Float,
              l2: Float = 0) {
        let k = outputSize
        let rows = touched.sorted()
        touched.removeAll(keepingCapacity: true)
        weight.value.withUnsafeMutableBufferPointer { p in
            weight.gradient.withUnsafeMutableBufferPointer { g in
                firstMoment.withUnsafeMutableBufferPointer { m in
                    secondMoment.withUnsafeMutableBufferPointer { v in
                        for row in rows {
                            rowSteps[Int(row)] += 1
                            let t = Float(rowSteps[Int(row)])
                            let c1 = 1 - pow(beta1, t), c2 = (1 - pow(beta2, t)).squareRoot()
                            let shrink = 1 - learningRate * weightDecay
                            for i in (Int(row) * k)..<(Int(row) * k + k) {
                                g[i] += l2 * p[i]
                                m[i] = beta1 * m[i] + (1 - beta1) * g[i]
                                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i]
                                p[i] = p[i] * shrink - learningRate / c1 * m[i] / (v[i].squareRoot() / c2 + epsilon)
                                g[i] = 0
                            }
                        }
                    }
                }
            }
        }
    }
}
