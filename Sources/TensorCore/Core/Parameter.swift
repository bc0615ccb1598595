// A trainable tensor and its gradient, shared by reference between a layer, the optimizer
// and checkpoint I/O.

/// A named trainable tensor with its accumulated gradient.
///
/// Layers own their parameters and list them, in a fixed order, in `parameters`; the
/// optimizer, gradient zeroing and checkpoint I/O are each one loop over such a list.
public final class Parameter {
    /// The name used in checkpoints, e.g. `blocks.0.attention.qkv.weight`.
    public let name: String
    /// The current value.
    public var value: Tensor
    /// The gradient accumulated by `backward` calls since the last `zeroGradient()`.
    public var gradient: Tensor

    /// A parameter holding `value`, with a zero gradient of the same shape.
    public init(name: String, value: Tensor) {
        self.name = name
        self.value = value
        self.gradient = Tensor.zeros(value.shape)
    }

    /// Resets the gradient to zero.
    public func zeroGradient() { gradient.zero() }
}

extension Array where Element == Parameter {
    /// Resets every parameter's gradient to zero.
    public func zeroGradients() {
        for parameter in self { parameter.zeroGradient() }
    }

    /// The total number of trainable values.
    public var scalarCount: Int { reduce(0) { $0 + $1.value.count } }
}
