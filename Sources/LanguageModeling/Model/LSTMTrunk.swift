// The LSTM trunk: token embedding → stacked LSTM layers (dropout between) → LayerNorm, forward
// and backward, and step-wise decoding. Shapes: ids [B·T], x [B, T, C], hidden [B·T, C].
import TensorCore

/// A causal recurrent trunk of the same width as its embedding (so the LM head can be tied).
final class LSTMTrunk: Trunk {
    let channels: Int
    let contextLength: Int
    let tokenEmbedding: Embedding
    let layers: [LSTM]
    let dropouts: [Dropout]
    let finalNorm: LayerNorm
    private var batch = 0, time = 0

    /// A trunk of `layerCount` LSTM layers of width `channels`, initialised from `seed`.
    init(vocabularySize: Int, contextLength: Int, channels: Int, layerCount: Int, dropout: Float, seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        self.channels = channels
        self.contextLength = contextLength
        tokenEmbedding = Embedding(count: vocabularySize, dimension: channels, standardDeviation: 0.1,
                                   name: "trunk.wte.", generator: &generator)
        layers = (0..<layerCount).map { index in
            LSTM(inputSize: channels, hiddenSize: channels, name: "trunk.lstm.\(index).", generator: &generator)
        }
        dropouts = (0..<layerCount).map { Dropout(probability: dropout, seed: seed &+ 2000 &+ UInt64($0)) }
        finalNorm = LayerNorm(dimension: channels, name: "trunk.ln_f.")
    }

    var parameters: [Parameter] { tokenEmbedding.parameters + layers.flatMap(\.parameters) + finalNorm.parameters }

    var isTraining: Bool {
        get { dropouts.first?.isTraining ?? false }
        set { for dropout in dropouts { dropout.isTraining = newValue } }
    }

    func forward(_ ids: [Int], batch: Int, length: Int) throws -> Tensor {
        guard batch > 0, length > 0, length <= contextLength, ids.count == batch * length else {
            throw TensorCoreError.shapeMismatch("\(ids.count) ids as \(batch)×\(length), context \(contextLength)")
        }
        self.batch = batch
        time = length
        var x = try tokenEmbedding.forward(ids).reshaped([batch, length, channels])
        for (layer, dropout) in zip(layers, dropouts) { x = dropout.forward(layer.forward(x)) }
        return finalNorm.forward(x.reshaped([batch * length, channels]))
    }

    func backward(_ hiddenGradient: Tensor) {
        var gradient = finalNorm.backward(hiddenGradient).reshaped([batch, time, channels])
        for (layer, dropout) in zip(layers, dropouts).reversed() { gradient = layer.backward(dropout.backward(gradient)) }
        tokenEmbedding.backward(gradient.reshaped([batch * time, channels]))
    }

    func makeDecodingState() -> DecodingState {
        let state = DecodingState()
        state.lstmStates = layers.map { _ in LSTMState.zeros(batchSize: 1, hiddenSize: channels) }
        state.scratch = layers.map { _ in [] }
        return state
    }

    func decode(_ ids: [Int], state: DecodingState) throws -> Tensor {
        guard state.count + ids.count <= contextLength else { throw TensorCoreError.cacheFull(capacity: contextLength) }
        let embedded = try tokenEmbedding.forward(ids)
        var output = Tensor.zeros([ids.count, channels])
        for position in 0..<ids.count {
            var x = Tensor(shape: [1, channels],
                           scalars: Array(embedded.scalars[(position * channels)..<((position + 1) * channels)]))
            for index in layers.indices {
                x = layers[index].step(x, state: &state.lstmStates[index], scratch: &state.scratch[index])
            }
            output.scalars.replaceSubrange((position * channels)..<((position + 1) * channels), with: x.scalars)
        }
        state.count += ids.count
        return finalNorm.forward(output)
    }
}
