// A minimal GPT: token embedding + learned positions + pre-LN blocks + final LayerNorm + LM
// head tied to the token embedding. Used by overfitting tests and benchmarks.
// Shapes: ids [B·T], x [B, T, C], logits [B·T, V].
import TensorCore

/// A small causal transformer language model with a tied output head.
public final class TinyTransformerLM {
    /// V, the vocabulary size.
    public let vocabularySize: Int
    /// The longest sequence (rows of the position table).
    public let contextLength: Int
    /// C, the model width.
    public let channels: Int
    /// Token embedding [V, C]; also the output head's weight (logits = h Wᵀ).
    public let tokenEmbedding: Embedding
    /// Learned positions [contextLength, C].
    public let positionEmbedding: Parameter
    /// The transformer blocks, input first.
    public let blocks: [TransformerBlock]
    /// The LayerNorm before the head.
    public let finalNorm: LayerNorm

    private var batch = 0, time = 0
    private var hidden = Tensor.empty        // [B·T, C] input of the blocks
    private var normalized = Tensor.empty    // final norm output, kept for the head's backward
    private var logits = Tensor.empty        // [B·T, V]
    private var hiddenGradient = Tensor.empty
    private var lossGradient = Tensor.empty  // dLogits, reused by trainStep

    /// A model with `layerCount` blocks of width `channels` and `headCount` heads, initialised from `seed`.
    public init(vocabularySize: Int, contextLength: Int, channels: Int, headCount: Int, layerCount: Int,
                dropout: Float = 0, seed: UInt64 = 0) {
        var generator = SeededGenerator(seed: seed)
        self.vocabularySize = vocabularySize
        self.contextLength = contextLength
        self.channels = channels
        tokenEmbedding = Embedding(count: vocabularySize, dimension: channels, name: "wte.", generator: &generator)
        positionEmbedding = Parameter(
            name: "wpe.weight",
            value: .randomNormal([contextLength, channels], standardDeviation: 0.02, using: &generator))
        blocks = (0..<layerCount).map { index in
            TransformerBlock(channels: channels, headCount: headCount, dropout: dropout,
                             seed: seed &+ UInt64(index), name: "blocks.\(index).", generator: &generator)
        }
        finalNorm = LayerNorm(dimension: channels, name: "ln_f.")
    }

    /// wte, wpe, every block's parameters in order, ln_f (the head is tied, so it adds none).
    public var parameters: [Parameter] {
        tokenEmbedding.parameters + [positionEmbedding] + blocks.flatMap(\.parameters) + finalNorm.parameters
    }

    /// Next-token logits [B·T, V] for `ids` [B·T], `batch` sequences of `length` tokens each.
    ///
    /// - Throws: `TensorCoreError.idOutOfRange` for a bad id, `.shapeMismatch` for bad sizes.
    public func forward(_ ids: [Int], batch: Int, length: Int) throws -> Tensor {
        guard batch > 0, length > 0, length <= contextLength, ids.count == batch * length else {
            throw TensorCoreError.shapeMismatch("\(ids.count) ids as \(batch)×\(length), context \(contextLength)")
        }
        self.batch = batch
        time = length
        let c = channels
        let embedded = try tokenEmbedding.forward(ids)
        hidden.resize(to: [batch * length, c])
        embedded.withUnsafeBufferPointer { e in
            positionEmbedding.value.withUnsafeBufferPointer { p in
                hidden.withUnsafeMutableBufferPointer { x in
                    for b in 0..<batch {
                        for i in 0..<(length * c) { x[b * length * c + i] = e[b * length * c + i] + p[i] }
                    }
                }
            }
        }
        var x = hidden.reshaped([batch, length, c])
        for block in blocks { x = block.forward(x) }
        normalized = .empty
        normalized = finalNorm.forward(x.reshaped([batch * length, c]))
        logits.resize(to: [batch * length, vocabularySize])
        logits.addMatmul(normalized, tokenEmbedding.weight.value, transposeB: true, beta: 0)
        return logits
    }

    /// Accumulates every parameter gradient from `logitsGradient` [B·T, V] of the last forward.
    public func backward(_ logitsGradient: Tensor) {
        let c = channels
        tokenEmbedding.weight.gradient.addMatmul(logitsGradient, normalized, transposeA: true)
        hiddenGradient.resize(to: [batch * time, c])
        hiddenGradient.addMatmul(logitsGradient, tokenEmbedding.weight.value, beta: 0)
        var gradient = finalNorm.backward(hiddenGradient).reshaped([batch, time, c])
        for block in blocks.reversed() { gradient = block.backward(gradient) }
        let (batch, time) = (batch, time)
        gradient.withUnsafeBufferPointer { g in
            positionEmbedding.gradient.withUnsafeMutableBufferPointer { dp in
                for b in 0..<batch {
                    for i in 0..<(time * c) { dp[i] += g[b * time * c + i] }
                }
            }
        }
        tokenEmbedding.backward(gradient.reshaped([batch * time, c]))
    }

    /// One empty key/value cache per block, for `decode`.
    public func makeCaches() -> [KeyValueCache] {
        blocks.map { _ in KeyValueCache(capacity: contextLength, channels: channels) }
    }

    /// Next-token logits [n, V] for `ids` [n] continuing the sequence held in `caches`
    /// (positions caches[0].count..<+n). Overwrites the training activations of the last forward.
    ///
    /// - Throws: `TensorCoreError.cacheFull` past the context, `.idOutOfRange` for a bad id.
    public func decode(_ ids: [Int], caches: [KeyValueCache]) throws -> Tensor {
        guard caches.count == blocks.count else {
            throw TensorCoreError.shapeMismatch("\(caches.count) caches for \(blocks.count) blocks")
        }
        let start = caches.first?.count ?? 0
        guard start + ids.count <= contextLength else { throw TensorCoreError.cacheFull(capacity: contextLength) }
        let c = channels
        var x = try tokenEmbedding.forward(ids)
        positionEmbedding.value.withUnsafeBufferPointer { p in
            x.withUnsafeMutableBufferPointer { h in
                for i in 0..<(ids.count * c) { h[i] += p[start * c + i] }
            }
        }
        for (block, cache) in zip(blocks, caches) { x = try block.decode(x, cache: cache) }
        let normalized = finalNorm.forward(x)
        return Tensor.matmul(normalized, tokenEmbedding.weight.value, transposeB: true)
    }

    /// One optimisation step on next-token prediction: zero gradients, forward, loss, backward, clip, AdamW.
    ///
    /// - Parameters:
    ///   - inputs: [B·T] ids; `targets`: [B·T] next ids (or the loss's ignore index).
    /// - Returns: The loss before the update.
    @discardableResult
    public func trainStep(inputs: [Int], targets: [Int], batch: Int, length: Int,
                          loss: CrossEntropy = CrossEntropy(), optimizer: AdamW, maxGradientNorm: Float = 1) throws -> Float {
        let parameters = optimizer.parameters
        parameters.zeroGradients()
        let scores = try forward(inputs, batch: batch, length: length)
        let value = try loss.compute(logits: scores, targets: targets, gradient: &lossGradient)
        backward(lossGradient)
        parameters.clipGradientNorm(maxNorm: maxGradientNorm)
        optimizer.step()
        return value
    }
}
