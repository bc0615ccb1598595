// Multi-head self-attention over whole sequences (BERT layout: separate query, key and value
// projections), keys past each sequence's length masked out, forward and backward.
// Shapes: x [B, T, C], q/k/v [B·T, C] (head h at columns h·D..<(h+1)·D), P [B, H, T, T], y [B, T, C].

/// Bidirectional multi-head self-attention with a padding mask.
public final class BidirectionalSelfAttention {
    /// C, the model width.
    public let channels: Int
    /// H, the number of heads.
    public let headCount: Int
    /// D = C / H.
    public var headSize: Int { channels / headCount }
    /// x → q.
    public let query: Linear
    /// x → k.
    public let key: Linear
    /// x → v.
    public let value: Linear
    /// attended → y.
    public let output: Linear

    private var batch = 0, time = 0
    private var lengths: [Int] = []
    private var q = Tensor.empty, k = Tensor.empty, v = Tensor.empty  // [B·T, C]
    private var probabilities = Tensor.empty  // [B, H, T, T], zero for padded keys
    private var attended = Tensor.empty       // [B·T, C]
    private var qGradient = Tensor.empty, kGradient = Tensor.empty, vGradient = Tensor.empty
    private var scoreGradient: [Float] = []   // [T, T] scratch

    /// Attention over `channels` split into `headCount` heads.
    ///
    /// - Parameter name: The checkpoint prefix; parameters are `self.query.*`, `self.key.*`,
    ///   `self.value.*` and `output.dense.*` after it (Hugging Face BERT names).
    public init(channels: Int, headCount: Int, name: String = "", generator: inout SeededGenerator) {
        precondition(headCount > 0 && channels % headCount == 0, "\(channels) channels do not split into \(headCount) heads")
        self.channels = channels
        self.headCount = headCount
        query = Linear(inputSize: channels, outputSize: channels, name: name + "self.query.", generator: &generator)
        key = Linear(inputSize: channels, outputSize: channels, name: name + "self.key.", generator: &generator)
        value = Linear(inputSize: channels, outputSize: channels, name: name + "self.value.", generator: &generator)
        output = Linear(inputSize: channels, outputSize: channels, name: name + "output.dense.", generator: &generator)
    }

    /// query, key, value, output (weight then bias each).
    public var parameters: [Parameter] { query.parameters + key.parameters + value.parameters + output.parameters }

    /// Attends every position of sequence b to its first `lengths[b]` positions.
    ///
    /// `input`: [B, T, C]; `lengths`: B values in 1...T. Returns [B, T, C]. With `retainingInputs`
    /// false (inference) the projections keep nothing for backward.
    public func forward(_ input: Tensor, lengths: [Int], retainingInputs: Bool = true) -> Tensor {
        precondition(input.rank == 3 && input.shape[2] == channels && input.count > 0,
                     "BidirectionalSelfAttention(\(channels)) wants [B, T, \(channels)], got \(input.shape)")
        precondition(lengths.count == input.shape[0] && lengths.allSatisfy { $0 >= 1 && $0 <= input.shape[1] },
                     "lengths \(lengths) do not fit \(input.shape)")
        batch = input.shape[0]
        time = input.shape[1]
        self.lengths = lengths
        let (t, c, d, heads) = (time, channels, headSize, headCount)
        let rows = input.reshaped([batch * t, c])
        q = .empty; k = .empty; v = .empty
        q = query.forward(rows, retainingInput: retainingInputs)
        k = key.forward(rows, retainingInput: retainingInputs)
        v = value.forward(rows, retainingInput: retainingInputs)
        probabilities.resize(to: [batch, heads, t, t])
        attended.resize(to: [batch * t, c])
        let alpha = 1 / Float(d).squareRoot()
        q.withUnsafeBufferPointer { qBuffer in
            k.withUnsafeBufferPointer { kBuffer in
                v.withUnsafeBufferPointer { vBuffer in
                    probabilities.withUnsafeMutableBufferPointer { pBuffer in
                        attended.withUnsafeMutableBufferPointer { yBuffer in
                            for b in 0..<batch {
                                let n = lengths[b], offset = b * t * c
                                for h in 0..<heads {
                                    let p = pBuffer.baseAddress! + (b * heads + h) * t * t
                                    BLAS.gemm(transposeB: true, m: t, n: n, k: d, alpha: alpha,
                                              a: qBuffer.baseAddress! + offset + h * d, lda: c,
                                              b: kBuffer.baseAddress! + offset + h * d, ldb: c, c: p, ldc: t)
                                    for i in 0..<t {
                                        Softmax.rows(p + i * t, into: p + i * t, rows: 1, n: n)
                                        for j in n..<t { p[i * t + j] = 0 }
                                    }
                                    BLAS.gemm(m: t, n: d, k: n, a: p, lda: t,
                                              b: vBuffer.baseAddress! + offset + h * d, ldb: c,
                                              c: yBuffer.baseAddress! + offset + h * d, ldc: c)
                                }
                            }
                        }
                    }
                }
            }
        }
        if !retainingInputs { q = .empty; k = .empty; v = .empty }
        return output.forward(attended, retainingInput: retainingInputs).reshaped([batch, t, c])
    }

    /// Returns dx and accumulates the projections' parameter gradients. `outputGradient`: [B, T, C].
    ///
    /// Consumes the kept activations: one backward per (training) forward.
    public func backward(_ outputGradient: Tensor) -> Tensor {
        let (t, c, d, heads) = (time, channels, headSize, headCount)
        precondition(outputGradient.count == batch * t * c && q.count == batch * t * c,
                     "BidirectionalSelfAttention backward needs a matching training forward first")
        let attendedGradient = output.backward(outputGradient.reshaped([batch * t, c]))
        qGradient.resize(to: [batch * t, c])
        kGradient.resize(to: [batch * t, c])
        vGradient.resize(to: [batch * t, c])
        if scoreGradient.count != t * t { scoreGradient = [Float](repeating: 0, count: t * t) }
        let alpha = 1 / Float(d).squareRoot()
        q.withUnsafeBufferPointer { qBuffer in
        k.withUnsafeBufferPointer { kBuffer in
        v.withUnsafeBufferPointer { vBuffer in
        probabilities.withUnsafeBufferPointer { pBuffer in
        attendedGradient.withUnsafeBufferPointer { dyBuffer in
        qGradient.withUnsafeMutableBufferPointer { dqBuffer in
        kGradient.withUnsafeMutableBufferPointer { dkBuffer in
        vGradient.withUnsafeMutableBufferPointer { dvBuffer in
        scoreGradient.withUnsafeMutableBufferPointer { dsBuffer in
            let ds = dsBuffer.baseAddress!
            for b in 0..<batch {
                let n = lengths[b]
                for h in 0..<heads {
                    let offset = b * t * c + h * d
                    let p = pBuffer.baseAddress! + (b * heads + h) * t * t
                    let dy = dyBuffer.baseAddress! + offset
                    // dP = dY Vᵀ (valid keys only), dV = Pᵀ dY (padded rows of V get 0).
                    BLAS.gemm(transposeB: true, m: t, n: n, k: d, a: dy, lda: c,
                              b: vBuffer.baseAddress! + offset, ldb: c, c: ds, ldc: t)
                    BLAS.gemm(transposeA: true, m: t, n: d, k: t, a: p, lda: t, b: dy, ldb: c,
                              c: dvBuffer.baseAddress! + offset, ldc: c)
                    // dS = scale · P ⊙ (dP − rowsum(P ⊙ dP)) over the valid keys.
                    for i in 0..<t {
                        let pRow = p + i * t, gRow = ds + i * t
                        var dot: Float = 0
                        for j in 0..<n { dot += pRow[j] * gRow[j] }
                        for j in 0..<n { gRow[j] = alpha * pRow[j] * (gRow[j] - dot) }
                    }
                    // dQ = dS K, dK = dSᵀ Q (rows of padded keys get 0).
                    BLAS.gemm(m: t, n: d, k: n, a: ds, lda: t, b: kBuffer.baseAddress! + offset, ldb: c,
                              c: dqBuffer.baseAddress! + offset, ldc: c)
                    for row in n..<t {
                        for j in 0..<d { dkBuffer[b * t * c + row * c + h * d + j] = 0 }
                    }
                    BLAS.gemm(transposeA: true, m: n, n: d, k: t, a: ds, lda: t, b: qBuffer.baseAddress! + offset,
                              ldb: c, c: dkBuffer.baseAddress! + offset, ldc: c)
                }
            }
        }}}}}}}}}
        q = .empty; k = .empty; v = .empty
        let dx = query.backward(qGradient).adding(key.backward(kGradient)).adding(value.backward(vGradient))
        return dx.reshaped([batch, t, c])
    }
}
