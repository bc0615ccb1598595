// Multi-head causal self-attention with a fused qkv projection, forward and backward. Heads are
// read in place from the qkv buffer with strided GEMMs (no copies). Shapes: x [B, T, C],
// qkv [B·T, 3C] (q | k | v, head h at columns h·D..<(h+1)·D), P [B, H, T, T], y [B, T, C]; D = C/H.
import Foundation

/// Causal multi-head self-attention (GPT-2 layout).
public final class CausalSelfAttention {
    /// C, the model width.
    public let channels: Int
    /// H, the number of heads.
    public let headCount: Int
    /// D = C / H.
    public var headSize: Int { channels / headCount }
    /// x [N, C] → qkv [N, 3C].
    public let inputProjection: Linear
    /// attended [N, C] → y [N, C].
    public let outputProjection: Linear

    private var batch = 0, time = 0
    private var qkv = Tensor.empty            // [B·T, 3C], kept for backward
    private var probabilities = Tensor.empty  // [B, H, T, T], zero above the diagonal
    var attended = Tensor.empty               // [B·T, C], heads side by side
    private var qkvGradient = Tensor.empty    // [B·T, 3C]
    private var scoreGradient: [Float] = []   // [chunks, T, T] scratch, one block per parallel chunk

    /// Attention over `channels` split into `headCount` heads.
    ///
    /// - Parameter name: The checkpoint prefix; parameters are `qkv.weight`, `qkv.bias`, `proj.weight`, `proj.bias`.
    public init(channels: Int, headCount: Int, name: String = "", generator: inout SeededGenerator) {
        precondition(headCount > 0 && channels % headCount == 0, "\(channels) channels do not split into \(headCount) heads")
        self.channels = channels
        self.headCount = headCount
        inputProjection = Linear(inputSize: channels, outputSize: 3 * channels, name: name + "qkv.", generator: &generator)
        outputProjection = Linear(inputSize: channels, outputSize: channels, name: name + "proj.", generator: &generator)
    }

    /// qkv.weight, qkv.bias, proj.weight, proj.bias.
    public var parameters: [Parameter] { inputProjection.parameters + outputProjection.parameters }

    /// 1/√D, the score scale.
    var scale: Float { 1 / Float(headSize).squareRoot() }

    /// Attends each position to itself and earlier ones. `input`: [B, T, C]; returns [B, T, C].
    public func forward(_ input: Tensor) -> Tensor {
        precondition(input.rank == 3 && input.shape[2] == channels && input.count > 0,
                     "CausalSelfAttention(\(channels)) wants [B, T, \(channels)], got \(input.shape)")
        batch = input.shape[0]
        time = input.shape[1]
        let (t, c, d, heads) = (time, channels, headSize, headCount)
        qkv = .empty
        qkv = inputProjection.forward(input.reshaped([batch * t, c]))
        probabilities.resize(to: [batch, heads, t, t])
        attended.resize(to: [batch * t, c])
        let alpha = scale
        qkv.withUnsafeBufferPointer { qkvBuffer in
            probabilities.withUnsafeMutableBufferPointer { pBuffer in
                attended.withUnsafeMutableBufferPointer { yBuffer in
                    let (qkvBase, pBase, yBase) = (qkvBuffer.baseAddress!, pBuffer.baseAddress!, yBuffer.baseAddress!)
                    // Sequences in parallel chunks: each head's products are too small for BLAS threads.
                    Parallel.forEachChunk(batch, minimumChunk: Self.sequencesPerChunk(time: t, channels: c)) { _, range in
                        for b in range {
                            for h in 0..<heads {
                                let q = qkvBase + b * t * 3 * c + h * d
                                let p = pBase + (b * heads + h) * t * t
                                BLAS.gemm(transposeB: true, m: t, n: t, k: d, alpha: alpha,
                                          a: q, lda: 3 * c, b: q + c, ldb: 3 * c, c: p, ldc: t)
                                Self.causalSoftmax(p, time: t)
                                BLAS.gemm(m: t, n: d, k: t, a: p, lda: t, b: q + 2 * c, ldb: 3 * c,
                                          c: yBase + b * t * c + h * d, ldc: c)
                            }
                        }
                    }
                }
            }
        }
        return outputProjection.forward(attended).reshaped([batch, t, c])
    }

    /// Returns dx and accumulates the projections' parameter gradients. `outputGradient`: [B, T, C].
    ///
    /// Consumes the kept activations: one backward per forward.
    public func backward(_ outputGradient: Tensor) -> Tensor {
        let (t, c, d, heads) = (time, channels, headSize, headCount)
        precondition(outputGradient.count == batch * t * c && qkv.count == batch * t * 3 * c,
                     "CausalSelfAttention backward needs a matching forward first")
        let attendedGradient = outputProjection.backward(outputGradient.reshaped([batch * t, c]))
        qkvGradient.resize(to: [batch * t, 3 * c])
        let chunks = Parallel.chunkCount(batch, minimumChunk: Self.sequencesPerChunk(time: t, channels: c))
        if scoreGradient.count != chunks * t * t { scoreGradient = [Float](repeating: 0, count: chunks * t * t) }
        let alpha = scale
        qkv.withUnsafeBufferPointer { qkvBuffer in
            probabilities.withUnsafeBufferPointer { pBuffer in
                attendedGradient.withUnsafeBufferPointer { dyBuffer in
                    qkvGradient.withUnsafeMutableBufferPointer { dqkvBuffer in
                        scoreGradient.withUnsafeMutableBufferPointer { dsBuffer in
                            let (qkvBase, pBase, dyBase) = (qkvBuffer.baseAddress!, pBuffer.baseAddress!, dyBuffer.baseAddress!)
                            let (dqkvBase, dsBase) = (dqkvBuffer.baseAddress!, dsBuffer.baseAddress!)
                            Parallel.forEachChunk(batch, minimumChunk: Self.sequencesPerChunk(time: t, channels: c)) { chunk, range in
                                let ds = dsBase + chunk * t * t
                                for b in range {
                                    for h in 0..<heads {
                                        let offset = b * t * 3 * c + h * d
                                        let q = qkvBase + offset
                                        let dq = dqkvBase + offset
                                        let p = pBase + (b * heads + h) * t * t
                                        let dy = dyBase + b * t * c + h * d
                                        // dP = dY Vᵀ, dV = Pᵀ dY
                                        BLAS.gemm(transposeB: true, m: t, n: t, k: d, a: dy, lda: c,
                                                  b: q + 2 * c, ldb: 3 * c, c: ds, ldc: t)
                                        BLAS.gemm(transposeA: true, m: t, n: d, k: t, a: p, lda: t,
                                                  b: dy, ldb: c, c: dq + 2 * c, ldc: 3 * c)
                                        Self.causalSoftmaxBackward(probabilities: p, gradient: ds, time: t, scale: alpha)
                                        // dQ = dS K, dK = dSᵀ Q
                                        BLAS.gemm(m: t, n: d, k: t, a: ds, lda: t, b: q + c, ldb: 3 * c,
                                                  c: dq, ldc: 3 * c)
                                        BLAS.gemm(transposeA: true, m: t, n: d, k: t, a: ds, lda: t,
                                                  b: q, ldb: 3 * c, c: dq + c, ldc: 3 * c)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        qkv = .empty
        return inputProjection.backward(qkvGradient).reshaped([batch, t, c])
    }

    /// Sequences per parallel chunk: enough that a chunk's products (≈ 4·T²·C multiply-adds a
    /// sequence) outweigh the hand-off.
    static func sequencesPerChunk(time t: Int, channels c: Int) -> Int { max(1, 65_536 / max(1, t * t * c)) }

    /// Softmax of row i over columns 0...i of a [T, T] score block; zeros above the diagonal.
    @inlinable
    static func causalSoftmax(_ p: UnsafeMutablePointer<Float>, time t: Int) {
        for i in 0..<t {
            let row = p + i * t
            Softmax.rows(row, into: row, rows: 1, n: i + 1)
            for j in (i + 1)..<max(t, i + 1) { row[j] = 0 }
        }
    }

    /// Turns dP into dS = scale · P ⊙ (dP − rowsum(P ⊙ dP)) in place; zeros above the diagonal.
    @inlinable
    static func causalSoftmaxBackward(
        probabilities p: UnsafePointer<Float>, gradient g: UnsafeMutablePointer<Float>, time t: Int, scale: Float
    ) {
        for i in 0..<t {
            let pRow = p + i * t, gRow = g + i * t
            var dot: Float = 0
            for j in 0...i { dot += pRow[j] * gRow[j] }
            for j in 0...i { gRow[j] = scale * pRow[j] * (gRow[j] - dot) }
            for j in (i + 1)..<max(t, i + 1) { gRow[j] = 0 }
        }
    }
}
