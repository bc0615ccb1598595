// GEMM through OpenBLAS agrees with the naive reference for every transpose and odd shapes.
import TensorCore
import Testing

@Test(arguments: [(1, 1, 1), (3, 5, 2), (7, 1, 9), (16, 33, 8), (64, 64, 64)])
func matmulMatchesNaiveReferenceForAllTransposes(shape: (Int, Int, Int)) {
    let (m, n, k) = shape
    var generator = SeededGenerator(seed: 1)
    for transposeA in [false, true] {
        for transposeB in [false, true] {
            let a = Tensor.randomNormal(transposeA ? [k, m] : [m, k], using: &generator)
            let b = Tensor.randomNormal(transposeB ? [n, k] : [k, n], using: &generator)
            let fast = Tensor.matmul(a, b, transposeA: transposeA, transposeB: transposeB)
            let slow = Tensor.naiveMatmul(a, b, transposeA: transposeA, transposeB: transposeB)
            #expect(fast.shape == [m, n])
            let worst = zip(fast.scalars, slow.scalars).map { abs($0 - $1) }.max() ?? 0
            #expect(worst < 1e-4, "transposeA \(transposeA) transposeB \(transposeB)")
        }
    }
}

@Test func batchedMatmulMultipliesEachBatchElementSeparately() {
    var generator = SeededGenerator(seed: 2)
    let a = Tensor.randomNormal([3, 4, 5], using: &generator)
    let b = Tensor.randomNormal([3, 6, 5], using: &generator)
    let c = Tensor.batchedMatmul(a, b, transposeB: true)
    #expect(c.shape == [3, 4, 6])
    for i in 0..<3 {
        let ai = Tensor(shape: [4, 5], scalars: Array(a.scalars[(i * 20)..<(i * 20 + 20)]))
        let bi = Tensor(shape: [6, 5], scalars: Array(b.scalars[(i * 30)..<(i * 30 + 30)]))
        let expected = Tensor.naiveMatmul(ai, bi, transposeB: true)
        let got = Array(c.scalars[(i * 24)..<(i * 24 + 24)])
        #expect(zip(got, expected.scalars).allSatisfy { abs($0 - $1) < 1e-4 })
    }
}

@Test func addMatmulAccumulatesWithBetaOne() {
    let a = Tensor(shape: [1, 2], scalars: [1, 2])
    let b = Tensor(shape: [2, 1], scalars: [3, 4])
    var c = Tensor(shape: [1, 1], scalars: [10])
    c.addMatmul(a, b)
    #expect(c.scalars == [21])
}

@Test func seededGeneratorRepeatsItsSequenceAndDiffersAcrossSeeds() {
    var first = SeededGenerator(seed: 42), second = SeededGenerator(seed: 42), other = SeededGenerator(seed: 43)
    let a = (0..<8).map { _ in first.next() }
    #expect(a == (0..<8).map { _ in second.next() })
    #expect(a != (0..<8).map { _ in other.next() })
    var normal = SeededGenerator(seed: 5)
    let samples = (0..<20_000).map { _ in Double(normal.nextNormal()) }
    let mean = samples.reduce(0, +) / Double(samples.count)
    let variance = samples.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(samples.count)
    #expect(abs(mean) < 0.03)
    #expect(abs(variance - 1) < 0.05)
}
