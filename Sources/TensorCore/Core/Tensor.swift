// The one array type of the numeric core: Float32 values in contiguous row-major order.

/// A Float32 tensor with contiguous row-major storage.
///
/// `Tensor` is a value type backed by a copy-on-write array, so `reshaped(_:)` and
/// passing a tensor around are free; hot loops reach the storage through
/// `withUnsafeBufferPointer` / `withUnsafeMutableBufferPointer`.
public struct Tensor: Sendable, Equatable {
    /// The extent of each dimension, outermost first.
    public private(set) var shape: [Int]
    /// The values in row-major order; `scalars.count == shape.reduce(1, *)`.
    public var scalars: [Float]

    /// A tensor of the given shape holding `scalars` in row-major order.
    public init(shape: [Int], scalars: [Float]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in \(shape)")
        precondition(shape.reduce(1, *) == scalars.count, "shape \(shape) does not hold \(scalars.count) values")
        self.shape = shape
        self.scalars = scalars
    }

    /// A tensor of the given shape filled with `value`.
    public init(shape: [Int], repeating value: Float = 0) {
        self.init(shape: shape, scalars: [Float](repeating: value, count: shape.reduce(1, *)))
    }

    /// A tensor of the given shape filled with zeros.
    public static func zeros(_ shape: [Int]) -> Tensor { Tensor(shape: shape) }

    /// A tensor whose values are drawn from N(0, std²) by `generator`.
    public static func randomNormal(
        _ shape: [Int], standardDeviation std: Float = 1, using generator: inout SeededGenerator
    ) -> Tensor {
        let count = shape.reduce(1, *)
        var scalars = [Float](repeating: 0, count: count)
        for i in 0..<count { scalars[i] = generator.nextNormal() * std }
        return Tensor(shape: shape, scalars: scalars)
    }

    /// A tensor whose values are drawn uniformly from [low, high) by `generator`.
    public static func randomUniform(
        _ shape: [Int], in range: ClosedRange<Float>, using generator: inout SeededGenerator
    ) -> Tensor {
        let count = shape.reduce(1, *)
        var scalars = [Float](repeating: 0, count: count)
        let width = range.upperBound - range.lowerBound
        for i in 0..<count { scalars[i] = range.lowerBound + generator.nextFloat() * width }
        return Tensor(shape: shape, scalars: scalars)
    }

    /// The number of values.
    @inlinable public var count: Int { scalars.count }

    /// The number of dimensions.
    @inlinable public var rank: Int { shape.count }

    /// The same values seen with another shape of the same size (no copy).
    public func reshaped(_ newShape: [Int]) -> Tensor {
        Tensor(shape: newShape, scalars: scalars)
    }

    /// Sets every value to zero, keeping the shape and the storage.
    public mutating func zero() {
        scalars.withUnsafeMutableBufferPointer { buffer in
            buffer.update(repeating: 0)
        }
    }

    /// Calls `body` with a read-only pointer to the values.
    @inlinable
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        try scalars.withUnsafeBufferPointer(body)
    }

    /// Calls `body` with a mutable pointer to the values.
    @inlinable
    public mutating func withUnsafeMutableBufferPointer<R>(
        _ body: (inout UnsafeMutableBufferPointer<Float>) throws -> R
    ) rethrows -> R {
        try scalars.withUnsafeMutableBufferPointer(body)
    }
}
