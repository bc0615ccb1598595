// Numerically stable softmax and log-softmax over the last dimension (rows of length n):
// subtract the row maximum, exponentiate, normalise. Used by attention and cross-entropy.
import Foundation

/// Row-wise softmax kernels on row-major [rows, n] buffers.
public enum Softmax {
    /// output[r, :] = softmax(input[r, 0..<n]); input and output may be the same buffer.
    @inlinable
    public static func rows(
        _ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, rows: Int, n: Int
    ) {
        for r in 0..<rows {
            let x = input + r * n, y = output + r * n
            var maximum = -Float.infinity
            for j in 0..<n { maximum = max(maximum, x[j]) }
            var sum: Float = 0
            for j in 0..<n {
                let e = FastMath.exp(x[j] - maximum)
                y[j] = e
                sum += e
            }
            let inverse = 1 / sum
            for j in 0..<n { y[j] *= inverse }
        }
    }

    /// output[r, :] = log softmax(input[r, 0..<n]) = x − max − log Σ exp(x − max).
    @inlinable
    public static func logRows(
        _ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, rows: Int, n: Int
    ) {
        for r in 0..<rows {
            let x = input + r * n, y = output + r * n
            var maximum = -Float.infinity
            for j in 0..<n { maximum = max(maximum, x[j]) }
            var sum: Float = 0
            for j in 0..<n { sum += FastMath.exp(x[j] - maximum) }
            let shift = maximum + log(sum)
            for j in 0..<n { y[j] = x[j] - shift }
        }
    }
}

extension Tensor {
    /// Softmax over the last dimension.
    public func softmax() -> Tensor {
        let n = shape.last ?? 1
        return mapped { Softmax.rows($0, into: $1, rows: $2 / n, n: n) }
    }

    /// Log-softmax over the last dimension.
    public func logSoftmax() -> Tensor {
        let n = shape.last ?? 1
        return mapped { Softmax.logRows($0, into: $1, rows: $2 / n, n: n) }
    }
}
