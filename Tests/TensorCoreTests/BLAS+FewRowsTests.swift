// Products of a few rows by a transposed matrix (GEMV for one row, column blocks for up to 32
// rows, blocks on two threads) agree with the naive reference, honour alpha, beta and ldc, and
// clear NaNs under beta 0.
import TensorCore
import Testing

@Test(arguments: [(1, 3_000, 40), (1, 3, 1), (2, 4_000, 9), (16, 200, 64), (16, 257, 1_024), (32, 70, 33), (33, 40, 8)])
func fewRowProductsMatchTheNaiveReference(shape: (Int, Int, Int)) {
    let (m, n, k) = shape
    var generator = SeededGenerator(seed: 31)
    let a = Tensor.randomNormal([m, k], using: &generator)
    let b = Tensor.randomNormal([n, k], using: &generator)
    let fast = Tensor.matmul(a, b, transposeB: true)
    let slow = Tensor.naiveMatmul(a, b, transposeB: true)
    let worst = zip(fast.scalars, slow.scalars).map { abs($0 - $1) }.max() ?? 0
    #expect(worst < 1e-3, "\(shape): worst \(worst)")
}

@Test func fewRowBlocksSharedBetweenTwoThreadsMatchTheNaiveReference() {
    let saved = BLAS.threadCount
    defer { BLAS.threadCount = saved }
    BLAS.threadCount = 2
    var generator = SeededGenerator(seed: 32)
    let a = Tensor.randomNormal([16, 256], using: &generator)
    let b = Tensor.randomNormal([1_024, 256], using: &generator)
    let fast = Tensor.matmul(a, b, transposeB: true)
    let slow = Tensor.naiveMatmul(a, b, transposeB: true)
    #expect(zip(fast.scalars, slow.scalars).allSatisfy { abs($0 - $1) < 1e-3 })
}

@Test(arguments: [1, 4])
func fewRowProductsHonourAlphaBetaAndTheLeadingDimensionOfC(rows m: Int) {
    let (n, k, ldc) = (700, 100, 750)
    var generator = SeededGenerator(seed: 33)
    let a = Tensor.randomNormal([m, k], using: &generator)
    let b = Tensor.randomNormal([n, k], using: &generator)
    let product = Tensor.naiveMatmul(a, b, transposeB: true).scalars
    var c = [Float](repeating: .nan, count: m * ldc)
    func multiply(alpha: Float, beta: Float) {
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    BLAS.gemm(transposeB: true, m: m, n: n, k: k, alpha: alpha, a: pa.baseAddress!, lda: k,
                              b: pb.baseAddress!, ldb: k, beta: beta, c: pc.baseAddress!, ldc: ldc)
                }
            }
        }
    }
    multiply(alpha: 0.5, beta: 0)
    multiply(alpha: 1, beta: 2)
    for i in 0..<m {
        for j in 0..<n { #expect(abs(c[i * ldc + j] - 2 * product[i * n + j]) < 1e-3, "[\(i), \(j)]") }
        for j in n..<ldc where i < m - 1 { #expect(c[i * ldc + j].isNaN, "padding [\(i), \(j)] is left alone") }
    }
}
