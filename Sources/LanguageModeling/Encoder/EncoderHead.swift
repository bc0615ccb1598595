// A head on a pretrained encoder: one linear softmax layer over the sentence vector and, beside
// it, the sparse n-gram features (a feature union, as the TF-IDF peer's logistic regression).
// Shapes: vectors [B, C], features B sparse vectors, logits [B, K].
import TensorCore

/// Logits = W v + b (+ Σ sparse rows), trained by `EncoderHeadTraining`.
final class EncoderHead {
    /// v → logits.
    let dense: Linear
    /// n-gram features → logits, or nil.
    let sparse: SparseLinear?

    /// A zero-initialised head (the logistic regression's usual start) over `inputSize` values
    /// and, with `sparseBuckets`, that many hashed n-gram buckets.
    init(inputSize: Int, classCount: Int, sparseBuckets: Int?, name: String) {
        var generator = SeededGenerator(seed: 0)
        dense = Linear(inputSize: inputSize, outputSize: classCount, name: name + "dense.", generator: &generator)
        dense.weight.value.zero()
        dense.bias?.value.zero()
        sparse = sparseBuckets.map { SparseLinear(bucketCount: $0, outputSize: classCount, name: name + "sparse.") }
    }

    /// K.
    var classCount: Int { dense.outputSize }

    /// Dense weight and bias, then the sparse weight.
    var parameters: [Parameter] { dense.parameters + (sparse.map { [$0.weight] } ?? []) }

    /// The logits [B, K] of `vectors` [B, C] and their `features`.
    func logits(_ vectors: Tensor, features: [SparseVector], retainingInputs: Bool = false) -> Tensor {
        var logits = dense.forward(vectors, retainingInput: retainingInputs)
        sparse?.forward(features, into: &logits)
        return logits
    }

    /// Accumulates the gradients of both parts from `logitsGradient` [B, K].
    func backward(_ logitsGradient: Tensor) {
        _ = dense.backward(logitsGradient)
        sparse?.backward(logitsGradient)
    }
}
