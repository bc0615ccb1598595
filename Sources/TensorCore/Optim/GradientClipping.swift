// Global-norm gradient clipping as torch.nn.utils.clip_grad_norm_: one norm over every
// parameter's gradient, and a common scale when it exceeds the limit.

extension Array where Element == Parameter {
    /// Scales all gradients so their joint L2 norm is at most `maxNorm`; returns the norm before clipping.
    @discardableResult
    public func clipGradientNorm(maxNorm: Float) -> Float {
        var squares = 0.0
        for parameter in self {
            parameter.gradient.withUnsafeBufferPointer { g in
                var partial: Float = 0
                for i in 0..<g.count { partial += g[i] * g[i] }
                squares += Double(partial)
            }
        }
        let norm = Float(squares.squareRoot())
        // torch uses max_norm / (norm + 1e-6), clamped to 1.
        let factor = maxNorm / (norm + 1e-6)
        if factor < 1 {
            for parameter in self { parameter.gradient.scale(by: factor) }
        }
        return norm
    }
}
