// Products of a few rows by a transposed weight matrix, x Wᵀ with x [m, k] and W [n, k]: what
// batch-1 inference does in every Linear layer and in the LM head. OpenBLAS 0.3.21 (the
// Cooperlake kernels it picks on this Zen 4) packs all of W before each such product unless
// m·n·k ≤ 10⁶, when an unpacked "small matrix" kernel runs; for a handful of rows the packing
// costs more than the arithmetic. So one row goes to GEMV, and up to `fewRowsLimit` rows go to
// GEMM in column blocks small enough for the unpacked kernel (issue 18, docs/BENCHMARKS.md:
// 16 rows of 1,024 → 256 in 85 µs instead of 245; 1 row of 128 → 8,000 in 70 µs instead of 280).
import CBLAS

extension BLAS {
    /// The most rows `gemm` sends through `fewRowsTimesTransposed`.
    @usableFromInline
    static let fewRowsLimit = 32

    /// m·n·k up to which `gemm` makes one plain call: smaller products (a training step's per-head
    /// attention scores, 32 × 32 · 64ᵀ) gained nothing from blocks or GEMV.
    @usableFromInline
    static let fewRowsMinimumProduct = 65_536

    /// m·n·k at or below which OpenBLAS multiplies without packing (its small-matrix limit).
    @usableFromInline
    static let unpackedProductLimit = 1_000_000

    /// C = alpha · A · Bᵀ + beta · C for A [m, k] (m ≤ `fewRowsLimit`) and B [n, k], row-major,
    /// when m·n·k is over `fewRowsMinimumProduct`.
    ///
    /// One row: GEMV (it streams W once; faster than either GEMM path when W is not in L2).
    /// Several rows: GEMM on blocks of at most 32 columns of C (fewer as rows or k grow, so each
    /// block stays unpacked), the blocks shared between `BLAS.threadCount` threads when there is
    /// enough work.
    @usableFromInline
    static func fewRowsTimesTransposed(
        m: Int, n: Int, k: Int, alpha: Float, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int, beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        if m == 1 {
            // y = alpha · B a + beta · y; y is cleared first so that old NaNs cannot survive beta 0.
            if beta == 0 { c.update(repeating: 0, count: n) }
            cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(n), Int32(k), alpha, b, Int32(ldb), a, 1, beta, c, 1)
            return
        }
        let width = blockWidth(rows: m, depth: k)
        guard n > width else {
            sgemm(m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
            return
        }
        let blocks = (n + width - 1) / width
        // About a million multiply-adds per thread pays for the hand-off (~10 µs).
        let blocksPerThread = max(1, unpackedProductLimit / (m * width * k))
        Parallel.forEachChunk(blocks, minimumChunk: blocksPerThread) { _, range in
            for block in range {
                let start = block * width, columns = min(width, n - start)
                sgemm(m: m, n: columns, k: k, alpha: alpha, a: a, lda: lda, b: b + start * ldb, ldb: ldb,
                      beta: beta, c: c + start, ldc: ldc)
            }
        }
    }

    /// Columns per block for `rows` × `depth` by depth × block: a multiple of 8, at most 32 and
    /// 512 / rows (wider blocks ran slower in the unpacked kernel), and under the unpacked limit.
    static func blockWidth(rows: Int, depth: Int) -> Int {
        let widest = min(32, 512 / rows, unpackedProductLimit / (rows * depth))
        return max(8, widest / 8 * 8)
    }

    /// One OpenBLAS call of C = alpha · A · Bᵀ + beta · C.
    private static func sgemm(
        m: Int, n: Int, k: Int, alpha: Float, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int, beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(m), Int32(n), Int32(k), alpha,
                    a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}
