// Incremental decoding: new tokens' hidden states attend to everything in a KeyValueCache, so
// generation costs O(T) per token instead of recomputing the prefix. Matches `forward` exactly
// up to float rounding. Shapes: x [n, C] for positions start..<start+n of one sequence.

extension CausalSelfAttention {
    /// Appends the keys and values of `input` [n, C] to `cache` and returns their outputs [n, C].
    ///
    /// The positions are `cache.count..<cache.count + n`. This reuses the projections' buffers,
    /// so it must not be interleaved between a training `forward` and its `backward`.
    /// - Throws: `TensorCoreError.cacheFull` (cache unchanged) if the tokens do not fit,
    ///   `.shapeMismatch` if the widths disagree.
    public func decode(_ input: Tensor, cache: KeyValueCache) throws -> Tensor {
        guard input.rank == 2, input.shape[1] == channels, cache.channels == channels, input.count > 0 else {
            throw TensorCoreError.shapeMismatch("decode input \(input.shape), cache width \(cache.channels), model \(channels)")
        }
        let n = input.shape[0], start = cache.count
        guard start + n <= cache.capacity else { throw TensorCoreError.cacheFull(capacity: cache.capacity) }
        let (c, d, heads, alpha) = (channels, headSize, headCount, scale)
        let fused = inputProjection.forward(input, retainingInput: false)
        attended.resize(to: [n, c])
        fused.withUnsafeBufferPointer { qkvBuffer in
            cache.keys.withUnsafeMutableBufferPointer { kBuffer in
                cache.values.withUnsafeMutableBufferPointer { vBuffer in
                    let qkvBase = qkvBuffer.baseAddress!, keys = kBuffer.baseAddress!, values = vBuffer.baseAddress!
                    for i in 0..<n {
                        let row = qkvBase + i * 3 * c, position = start + i
                        (keys + position * c).update(from: row + c, count: c)
                        (values + position * c).update(from: row + 2 * c, count: c)
                    }
                    cache.scores.withUnsafeMutableBufferPointer { sBuffer in
                        attended.withUnsafeMutableBufferPointer { yBuffer in
                            let scores = sBuffer.baseAddress!
                            for i in 0..<n {
                                let length = start + i + 1
                                for h in 0..<heads {
                                    let q = qkvBase + i * 3 * c + h * d
                                    BLAS.gemm(transposeB: true, m: 1, n: length, k: d, alpha: alpha,
                                              a: q, lda: d, b: keys + h * d, ldb: c, c: scores, ldc: length)
                                    Softmax.rows(scores, into: scores, rows: 1, n: length)
                                    BLAS.gemm(m: 1, n: d, k: length, a: scores, lda: length,
                                              b: values + h * d, ldb: c,
                                              c: yBuffer.baseAddress! + i * c + h * d, ldc: d)
                                }
                            }
                        }
                    }
                }
            }
        }
        cache.count = start + n
        return outputProjection.forward(attended, retainingInput: false)
    }
}
