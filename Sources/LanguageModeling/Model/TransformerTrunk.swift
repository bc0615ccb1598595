// The transformer trunk: token embedding + learned positions + pre-LN blocks + final LayerNorm,
// forward and backward, and cached decoding. Shapes: ids [B·T], x [B, T, C], hidden [B·T, C].
import TensorCore

/// A causal pre-LN transformer (GPT-2 layout) without its head.
final class TransformerTrunk: Trunk {
    let channels: Int
    let contextLength: Int
    let tokenEmbedding: Embedding
    /// Learned positions [contextLength, C].
    let positionEmbedding: Parameter
    let blocks: [TransformerBlock]
    let finalNorm: LayerNorm

    private var batch = 0, time = 0
    private var embedded = Tensor.empty  // [B·T, C] block input

    /// A trunk of `layers` blocks, `heads` heads, width `channels`, initialised from `seed`.
    init(vocabularySize: Int, contextLength: Int, channels: Int, heads: Int, layers: Int, dropout: Float, seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        self.channels = channels
        self.contextLength = contextLength
        tokenEmbedding = Embedding(count: vocabularySize, dimension: channels, name: "trunk.wte.", generator: &generator)
        positionEmbedding = Parameter(
            name: "trunk.wpe.weight",
            value: .randomNormal([contextLength, channels], standardDeviation: 0.02, using: &generator))
        blocks = (0..<layers).map { index in
            TransformerBlock(channels: channels, headCount: heads, dropout: dropout, seed: seed &+ 1000 &+ UInt64(index),
                             name: "trunk.blocks.\(index).", generator: &generator)
        }
        finalNorm = LayerNorm(dimension: channels, name: "trunk.ln_f.")
    }

    var parameters: [Parameter] {
        tokenEmbedding.parameters + [positionEmbedding] + blocks.flatMap(\.parameters) + finalNorm.parameters
    }

    var isTraining: Bool {
        get { blocks.first?.isTraining ?? false }
        set { for block in blocks { block.isTraining = newValue } }
    }

    func forward(_ ids: [Int], batch: Int, length: Int) throws -> Tensor {
        var x = try embed(ids, batch: batch, length: length)
        for block in blocks { x = block.forward(x) }
        return finalNorm.forward(x.reshaped([batch * length, channels]))
    }

    /// Runs the last block's MLP and the final LayerNorm only at `rows` (see `TransformerBlock.forward(_:rows:)`).
    func forward(_ ids: [Int], batch: Int, length: Int, rows: [Int]) throws -> Tensor {
        var x = try embed(ids, batch: batch, length: length)
        guard let last = blocks.last else {
            return finalNorm.forward(ChatNetwork.gather(x, rows: rows, width: channels))
        }
        for block in blocks.dropLast() { x = block.forward(x) }
        return finalNorm.forward(last.forward(x, rows: rows))
    }

    /// Token plus position embeddings [B, T, C] of `ids` [B·T], kept as the first block's input.
    private func embed(_ ids: [Int], batch: Int, length: Int) throws -> Tensor {
        guard batch > 0, length > 0, length <= contextLength, ids.count == batch * length else {
            throw TensorCoreError.shapeMismatch("\(ids.count) ids as \(batch)×\(length), context \(contextLength)")
        }
        self.batch = batch
        time = length
        let c = channels
        let tokens = try tokenEmbedding.forward(ids)
        embedded.resize(to: [batch * length, c])
        tokens.withUnsafeBufferPointer { e in
            positionEmbedding.value.withUnsafeBufferPointer { p in
                embedded.withUnsafeMutableBufferPointer { x in
                    for b in 0..<batch {
                        for i in 0..<(length * c) { x[b * length * c + i] = e[b * length * c + i] + p[i] }
                    }
                }
            }
        }
        return embedded.reshaped([batch, length, c])
    }

    func backward(_ hiddenGradient: Tensor) {
        let (c, batch, time) = (channels, batch, time)
        var gradient = finalNorm.backward(hiddenGradient).reshaped([batch, time, c])
        for block in blocks.reversed() { gradient = block.backward(gradient) }
        gradient.withUnsafeBufferPointer { g in
            positionEmbedding.gradient.withUnsafeMutableBufferPointer { dp in
                for b in 0..<batch {
                    for i in 0..<(time * c) { dp[i] += g[b * time * c + i] }
                }
            }
        }
        tokenEmbedding.backward(gradient.reshaped([batch * time, c]))
    }

    func makeDecodingState() -> DecodingState {
        let state = DecodingState()
        state.caches = blocks.map { _ in KeyValueCache(capacity: contextLength, channels: channels) }
        return state
    }

    func decode(_ ids: [Int], state: DecodingState) throws -> Tensor {
        let start = state.count, c = channels
        guard start + ids.count <= contextLength else { throw TensorCoreError.cacheFull(capacity: contextLength) }
        var x = try tokenEmbedding.forward(ids)
        positionEmbedding.value.withUnsafeBufferPointer { p in
            x.withUnsafeMutableBufferPointer { h in
                for i in 0..<(ids.count * c) { h[i] += p[start * c + i] }
            }
        }
        for (block, cache) in zip(blocks, state.caches) { x = try block.decode(x, cache: cache) }
        state.count += ids.count
        return finalNorm.forward(x)
    }
}
