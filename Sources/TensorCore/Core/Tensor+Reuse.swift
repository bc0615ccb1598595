// Buffer reuse for layers: a layer keeps its activations and gradients in stored tensors and
// resizes them only when the batch shape changes, so a training step allocates nothing.

extension Tensor {
    /// Gives `self` the shape `newShape`, keeping the storage when the size already fits.
    ///
    /// The values are unspecified afterwards (old contents or zeros); callers overwrite them.
    @inlinable
    package mutating func resize(to newShape: [Int]) {
        if shape == newShape { return }
        if count == newShape.reduce(1, *) {
            self = reshaped(newShape)
        } else {
            self = Tensor.zeros(newShape)
        }
    }

    /// An empty tensor, used to drop a cached activation.
    package static var empty: Tensor { Tensor(shape: [0], scalars: []) }
}
