// A lookup table from token ids to vectors; backward scatters the output gradient into the
// rows that were read. Shapes: ids [N], W [V, C], output [N, C].

/// A learned table of `count` vectors of size `dimension`.
public final class Embedding {
    /// V, the number of rows (valid ids are 0..<V).
    public let count: Int
    /// C, the size of each vector.
    public let dimension: Int
    /// W [V, C].
    public let weight: Parameter

    private var ids: [Int] = []
    private var output = Tensor.empty

    /// A table initialised from N(0, std²) (PyTorch's `nn.Embedding` uses std 1; GPT-2 uses 0.02).
    ///
    /// - Parameter name: The checkpoint prefix; the parameter is `weight` after it.
    public init(count: Int, dimension: Int, standardDeviation: Float = 0.02, name: String = "",
                generator: inout SeededGenerator) {
        precondition(count > 0 && dimension > 0, "Embedding needs positive sizes")
        self.count = count
        self.dimension = dimension
        weight = Parameter(name: name + "weight",
                           value: .randomNormal([count, dimension], standardDeviation: standardDeviation,
                                                using: &generator))
    }

    /// The weight.
    public var parameters: [Parameter] { [weight] }

    /// The rows of W for `ids` [N]; returns [N, C]. Keeps the ids for backward.
    ///
    /// - Throws: `TensorCoreError.idOutOfRange` if an id is not in 0..<V (nothing is changed then).
    public func forward(_ ids: [Int]) throws -> Tensor {
        for (position, id) in ids.enumerated() where id < 0 || id >= count {
            throw TensorCoreError.idOutOfRange(id, at: position, limit: count)
        }
        self.ids = ids
        output.resize(to: [ids.count, dimension])
        guard !ids.isEmpty else { return output }
        let c = dimension
        weight.value.withUnsafeBufferPointer { w in
            output.withUnsafeMutableBufferPointer { y in
                for (row, id) in ids.enumerated() {
                    for j in 0..<c { y[row * c + j] = w[id * c + j] }
                }
            }
        }
        return output
    }

    /// Accumulates dW[id] += dy[row] for every row of the last forward. `outputGradient`: [N, C].
    public func backward(_ outputGradient: Tensor) {
        precondition(outputGradient.count == ids.count * dimension,
                     "Embedding backward: gradient \(outputGradient.shape) does not match \(ids.count) ids")
        let c = dimension
        outputGradient.withUnsafeBufferPointer { dy in
            weight.gradient.withUnsafeMutableBufferPointer { dw in
                for (row, id) in ids.enumerated() {
                    for j in 0..<c { dw[id * c + j] += dy[row * c + j] }
                }
            }
        }
    }
}
