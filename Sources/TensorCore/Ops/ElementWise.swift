// Element-wise arithmetic on tensors of equal shape: add, multiply, scale, each in place and
// returning. Plain loops over buffer pointers so the compiler vectorises them.

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

    /// self *= factor.
    @inlinable
    public mutating func scale(by factor: Float) {
        withUnsafeMutableBufferPointer { target in
            for i in 0..<target.count { target[i] *= factor }
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
