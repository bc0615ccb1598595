// Tensor-level matrix products on top of `BLAS.gemm`, plus the naive reference the tests
// compare them with. Shapes: A [M, K] (or [K, M] transposed), B [K, N] (or [N, K]), C [M, N];
// the batched forms add a leading batch dimension.

extension Tensor {
    /// op(a) · op(b) for rank-2 tensors.
    ///
    /// - Parameters:
    ///   - a: [M, K], or [K, M] when `transposeA`.
    ///   - b: [K, N], or [N, K] when `transposeB`.
    /// - Returns: [M, N].
    public static func matmul(
        _ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false
    ) -> Tensor {
        precondition(a.rank == 2 && b.rank == 2, "matmul takes rank-2 tensors, got \(a.shape) and \(b.shape)")
        let (m, k) = transposeA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
        let (kb, n) = transposeB ? (b.shape[1], b.shape[0]) : (b.shape[0], b.shape[1])
        precondition(k == kb, "matmul inner dimensions differ: \(a.shape) and \(b.shape)")
        var c = Tensor.zeros([m, n])
        c.addMatmul(a, b, transposeA: transposeA, transposeB: transposeB, beta: 0)
        return c
    }

    /// self = alpha · op(a) · op(b) + beta · self for rank-2 tensors (beta 1 accumulates).
    public mutating func addMatmul(
        _ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false,
        alpha: Float = 1, beta: Float = 1
    ) {
        let (m, k) = transposeA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
        let n = transposeB ? b.shape[0] : b.shape[1]
        precondition(shape == [m, n], "matmul result \(shape) is not [\(m), \(n)]")
        guard count > 0 else { return }
        guard k > 0 else {
            withUnsafeMutableBufferPointer { c in
                for i in c.indices { c[i] = beta == 0 ? 0 : beta * c[i] }
            }
            return
        }
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                withUnsafeMutableBufferPointer { pc in
                    BLAS.gemm(
                        transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
                        a: pa.baseAddress!, lda: a.shape[1], b: pb.baseAddress!, ldb: b.shape[1],
                        beta: beta, c: pc.baseAddress!, ldc: n)
                }
            }
        }
    }

    /// op(a[i]) · op(b[i]) for every i of rank-3 tensors, one GEMM per batch element.
    ///
    /// - Parameters:
    ///   - a: [B, M, K], or [B, K, M] when `transposeA`.
    ///   - b: [B, K, N], or [B, N, K] when `transposeB`.
    /// - Returns: [B, M, N].
    public static func batchedMatmul(
        _ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false, alpha: Float = 1
    ) -> Tensor {
        precondition(a.rank == 3 && b.rank == 3 && a.shape[0] == b.shape[0],
                     "batchedMatmul takes rank-3 tensors with one batch size, got \(a.shape) and \(b.shape)")
        let batch = a.shape[0]
        let (m, k) = transposeA ? (a.shape[2], a.shape[1]) : (a.shape[1], a.shape[2])
        let (kb, n) = transposeB ? (b.shape[2], b.shape[1]) : (b.shape[1], b.shape[2])
        precondition(k == kb, "batchedMatmul inner dimensions differ: \(a.shape) and \(b.shape)")
        var c = Tensor.zeros([batch, m, n])
        guard c.count > 0, k > 0 else { return c }
        let strideA = a.shape[1] * a.shape[2], strideB = b.shape[1] * b.shape[2], strideC = m * n
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    for i in 0..<batch {
                        BLAS.gemm(
                            transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
                            a: pa.baseAddress! + i * strideA, lda: a.shape[2],
                            b: pb.baseAddress! + i * strideB, ldb: b.shape[2],
                            c: pc.baseAddress! + i * strideC, ldc: n)
                    }
                }
            }
        }
        return c
    }

    /// The textbook triple loop, in Double, for checking `matmul` in tests.
    package static func naiveMatmul(
        _ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false
    ) -> Tensor {
        let (m, k) = transposeA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
        let n = transposeB ? b.shape[0] : b.shape[1]
        var c = Tensor.zeros([m, n])
        for i in 0..<m {
            for j in 0..<n {
                var sum = 0.0
                for p in 0..<k {
                    let x = transposeA ? a.scalars[p * m + i] : a.scalars[i * k + p]
                    let y = transposeB ? b.scalars[j * k + p] : b.scalars[p * n + j]
                    sum += Double(x) * Double(y)
                }
                c.scalars[i * n + j] = Float(sum)
            }
        }
        return c
    }
}
