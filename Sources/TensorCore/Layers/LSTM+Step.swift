// Incremental inference: one time step at a time with the state carried by the caller, for
// generation after a prompt has been run by `forward` (take `finalState`). No backward.
// Shapes: x [B, I], h and c [B, H], gates [B, 4H].

extension LSTM {
    /// Advances `state` (h, c [B, H]) by one step on `input` [B, I] and returns the new h [B, H].
    ///
    /// `scratch` holds the gates [B, 4H] between calls so the per-token path does not allocate;
    /// pass the same (initially empty) array every time.
    public func step(_ input: Tensor, state: inout LSTMState, scratch: inout [Float]) -> Tensor {
        let (bSize, h, g) = (state.hidden.shape[0], hiddenSize, 4 * hiddenSize)
        precondition(input.shape == [bSize, inputSize],
                     "LSTM step takes input [\(bSize), \(inputSize)], got \(input.shape)")
        precondition(state.hidden.shape == [bSize, h] && state.cell.shape == [bSize, h],
                     "LSTM step state \(state.hidden.shape), \(state.cell.shape) is not [B, \(h)]")
        if scratch.count != bSize * g { scratch = [Float](repeating: 0, count: bSize * g) }
        let inSize = inputSize
        scratch.withUnsafeMutableBufferPointer { gatesBuffer in
            let gp = gatesBuffer.baseAddress!
            biasIH.value.withUnsafeBufferPointer { bi in
                biasHH.value.withUnsafeBufferPointer { bh in
                    for b in 0..<bSize {
                        for j in 0..<g { gp[b * g + j] = bi[j] + bh[j] }
                    }
                }
            }
            input.withUnsafeBufferPointer { x in
                weightIH.value.withUnsafeBufferPointer { w in
                    BLAS.gemm(transposeB: true, m: bSize, n: g, k: inSize, a: x.baseAddress!, lda: inSize,
                              b: w.baseAddress!, ldb: inSize, beta: 1, c: gp, ldc: g)
                }
            }
            state.hidden.withUnsafeMutableBufferPointer { hidden in
                weightHH.value.withUnsafeBufferPointer { w in
                    BLAS.gemm(transposeB: true, m: bSize, n: g, k: h, a: hidden.baseAddress!, lda: h,
                              b: w.baseAddress!, ldb: h, beta: 1, c: gp, ldc: g)
                }
                state.cell.withUnsafeMutableBufferPointer { cell in
                    for b in 0..<bSize {
                        let c = cell.baseAddress! + b * h
                        Self.cellStep(gates: gp + b * g, previousCell: c, cell: c,
                                      hidden: hidden.baseAddress! + b * h, hiddenSize: h)
                    }
                }
            }
        }
        return state.hidden
    }
}
