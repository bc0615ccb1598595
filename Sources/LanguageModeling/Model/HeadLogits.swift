// What the heads of the network say about one batch, each expert's logits kept apart so each
// can learn on its own loss; prediction sums them.
import TensorCore

/// The head outputs for one batch: each expert's logits, kept apart so each can learn on its own.
package struct HeadLogits {
    /// Dense intent logits [B, K] from the hidden state at `<cls>`.
    package var dense: Tensor
    /// Sparse n-gram intent logits [B, K] (nil without the sparse layer).
    package var sparse: Tensor?
    /// Dense sentiment logits [B, 3].
    package var sentiment: Tensor
    /// Sparse n-gram sentiment logits [B, 3] (nil without the sparse sentiment layer).
    package var sparseSentiment: Tensor?

    /// The sentiment logits used for prediction: dense + sparse (a product of the two experts).
    package var combinedSentiment: Tensor {
        guard let sparseSentiment else { return sentiment }
        return sentiment.adding(sparseSentiment)
    }
}
