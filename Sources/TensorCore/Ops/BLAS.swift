// The only door to OpenBLAS: row-major single-precision GEMM and the thread count. Products of
// a few rows by a transposed matrix (inference) take the route of `BLAS+FewRows.swift`.
import CBLAS

/// Matrix multiplication through OpenBLAS.
public enum BLAS {
    /// The number of threads OpenBLAS uses for each call (`OPENBLAS_NUM_THREADS` sets the default).
    public static var threadCount: Int {
        get { Int(openblas_get_num_threads()) }
        set { openblas_set_num_threads(Int32(max(1, newValue))) }
    }

    /// C = alpha · op(A) · op(B) + beta · C on row-major matrices, where op(A) is m×k and op(B) is k×n.
    ///
    /// - Parameters:
    ///   - a: A, stored m×k (or k×m when `transposeA`), leading dimension `lda`.
    ///   - b: B, stored k×n (or n×k when `transposeB`), leading dimension `ldb`.
    ///   - c: C, m×n, leading dimension `ldc`.
    @inlinable
    public static func gemm(
        transposeA: Bool = false, transposeB: Bool = false,
        m: Int, n: Int, k: Int, alpha: Float = 1,
        a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float = 0,
        c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        precondition(m > 0 && n > 0 && k > 0, "gemm needs non-empty matrices (\(m)×\(k) · \(k)×\(n))")
        if !transposeA && transposeB && m <= fewRowsLimit && m * n * k > fewRowsMinimumProduct {
            fewRowsTimesTransposed(m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
            return
        }
        cblas_sgemm(
            CblasRowMajor,
            transposeA ? CblasTrans : CblasNoTrans,
            transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), alpha,
            a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}
