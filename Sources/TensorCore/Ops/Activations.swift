// GELU (exact erf form, as PyTorch's F.gelu default) and its derivative: pointer-level kernels
// for the feed-forward layer, and a tensor-level wrapper. (The LSTM fuses its own tanh and sigmoid.)
import Foundation

/// Nonlinearities as pointer kernels: forward writes `output`, backward writes or accumulates
/// the input gradient. All buffers hold `count` values.
public enum Activation {
    /// GELU(x) = x · Φ(x) = x · ½ (1 + erf(x / √2)) — the exact form, not the tanh approximation
    /// (erf from `FastMath`, within 1e-7 of libm, so that the loop vectorises).
    @inlinable
    public static func gelu(_ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, count: Int) {
        for i in 0..<count {
            let x = input[i]
            output[i] = 0.5 * x * (1 + FastMath.erf(x * 0.707_106_77))
        }
    }

    /// inputGradient = outputGradient · GELU'(input), where GELU'(x) = Φ(x) + x φ(x).
    @inlinable
    public static func geluBackward(
        input: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
        into inputGradient: UnsafeMutablePointer<Float>, count: Int
    ) {
        let inverseRootTwoPi: Float = 0.398_942_28
        for i in 0..<count {
            let x = input[i]
            let cdf = 0.5 * (1 + FastMath.erf(x * 0.707_106_77))
            let pdf = inverseRootTwoPi * FastMath.exp(-0.5 * x * x)
            inputGradient[i] = outputGradient[i] * (cdf + x * pdf)
        }
    }
}

extension Tensor {
    /// Applies a pointer kernel to every value, returning a tensor of the same shape.
    @inlinable
    func mapped(_ kernel: (UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void) -> Tensor {
        var result = Tensor(shape: shape)
        guard count > 0 else { return result }
        withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { target in
                kernel(source.baseAddress!, target.baseAddress!, count)
            }
        }
        return result
    }

    /// GELU of every value (exact erf form, like PyTorch's default `F.gelu`).
    public func gelu() -> Tensor { mapped { Activation.gelu($0, into: $1, count: $2) } }
}
