// Element-wise arithmetic on tensors of equal shape: add, multiply, scale, each in place and
// returning. Plain loops over buffer pointers so the compiler vectorises them; scaling a large
// tensor (an LM batch's gradient) runs in parallel chunks.

extension Tensor {
    /// self += other, element by element (shapes must match).
    @inlinable
    public mutating func add(_ other: Tensor) {
        precondition(shape == other.shape, "add: \(shape) and \(other.shape) differ")
        other.withUnsafeBufferPointer { source in
            withUnsafeMutableBufferPointer { target in
                for i in 0..<target.count { target[i] += source[i] }
            }
        }
    }

    /// self + other, element by element (shapes must match).
    @inlinable
    public func adding(_ other: Tensor) -> Tensor {
        var result = self
        result.add(other)
        return result
    }

    /// self *= other, element by element (shapes must match).
    @inlinable
    public mutating func multiply(_ other: Tensor) {
        precondition(shape == other.shape, "multiply: \(shape) and \(other.shape) differ")
        other.withUnsafeBufferPointer { source in
            withUnsafeMutableBufferPointer { target in
                for i in 0..<target.count { target[i] *= source[i] }
            }
        }
    }

    /// self ⊙ other, element by element (shapes must match).
    @inlinable
    public func multiplying(_ other: Tensor) -> Tensor {
        var result = self
        result.multiply(other)
        return result
    }

    /// self *= factor (nothing to do for 1; large tensors in parallel chunks).
    @inlinable
    public mutating func scale(by factor: Float) {
        guard factor != 1, count > 0 else { return }
        withUnsafeMutableBufferPointer { target in
            let base = target.baseAddress!
            Parallel.forEachChunk(target.count, minimumChunk: 65_536) { _, range in
                for i in range { base[i] *= factor }
            }
        }
    }

    /// self · factor.
    @inlinable
    public func scaled(by factor: Float) -> Tensor {
        var result = self
        result.scale(by: factor)
        return result
    }
}
