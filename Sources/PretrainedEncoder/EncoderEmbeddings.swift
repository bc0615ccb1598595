// BERT's input layer: word + learned position + token type embeddings, then LayerNorm.
// Shapes: ids, types [B·T], output [B, T, C]; positions are 0..<T in every sequence.
import TensorCore

/// The embedding sum and its LayerNorm (Hugging Face names under `embeddings.`).
public final class EncoderEmbeddings {
    /// Word pieces [V, C].
    public let word: Embedding
    /// Positions [P, C].
    public let position: Embedding
    /// Token types [types, C].
    public let tokenType: Embedding
    /// The LayerNorm over the sum.
    public let norm: LayerNorm
    private var positionIDs: [Int] = []
    private var positionTime = 0

    /// Randomly initialised embeddings for `configuration`.
    public init(_ configuration: EncoderConfiguration, generator: inout SeededGenerator) {
        let c = configuration.hiddenSize
        word = Embedding(count: configuration.vocabularySize, dimension: c, name: "embeddings.word_embeddings.",
                         generator: &generator)
        position = Embedding(count: configuration.maxPositions, dimension: c,
                             name: "embeddings.position_embeddings.", generator: &generator)
        tokenType = Embedding(count: configuration.typeVocabularySize, dimension: c,
                              name: "embeddings.token_type_embeddings.", generator: &generator)
        norm = LayerNorm(dimension: c, epsilon: configuration.layerNormEpsilon, name: "embeddings.LayerNorm.")
    }

    /// Word, position and type tables, then the norm's γ and β.
    public var parameters: [Parameter] { word.parameters + position.parameters + tokenType.parameters + norm.parameters }

    /// The normalised embedding sum of `batch`: [B, T, C].
    ///
    /// - Throws: `TensorCoreError.idOutOfRange` for an id, type or position outside its table.
    public func forward(_ batch: EncoderBatch) throws -> Tensor {
        if positionIDs.count != batch.count * batch.time || positionTime != batch.time {
            positionIDs = (0..<batch.count).flatMap { _ in 0..<batch.time }
            positionTime = batch.time
        }
        let sum = try word.forward(batch.ids)
            .adding(try position.forward(positionIDs))
            .adding(try tokenType.forward(batch.typeIDs))
        return norm.forward(sum).reshaped([batch.count, batch.time, word.dimension])
    }

    /// Accumulates the tables' and the norm's gradients from `outputGradient` [B, T, C].
    public func backward(_ outputGradient: Tensor) {
        let sumGradient = norm.backward(outputGradient.reshaped([outputGradient.count / word.dimension, word.dimension]))
        word.backward(sumGradient)
        position.backward(sumGradient)
        tokenType.backward(sumGradient)
    }
}
