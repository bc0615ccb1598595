// Embedding: lookup, scatter-add backward (repeated ids add up), and invalid ids rejected.
import TensorCore
import TestSupport
import Testing

@Test func embeddingLooksUpRowsAndScattersGradients() throws {
    var generator = SeededGenerator(seed: 31)
    let table = Embedding(count: 5, dimension: 3, name: "wte.", generator: &generator)
    let y = try table.forward([4, 0, 4])
    #expect(y.shape == [3, 3])
    #expect(Array(y.scalars[0..<3]) == Array(table.weight.value.scalars[12..<15]))
    #expect(Array(y.scalars[3..<6]) == Array(table.weight.value.scalars[0..<3]))
    table.backward(Tensor(shape: [3, 3], scalars: [1, 2, 3, 4, 5, 6, 10, 20, 30]))
    let g = table.weight.gradient.scalars
    #expect(Array(g[12..<15]) == [11, 22, 33])
    #expect(Array(g[0..<3]) == [4, 5, 6])
    #expect(Array(g[3..<12]).allSatisfy { $0 == 0 })
    #expect(table.parameters.map(\.name) == ["wte.weight"])
}

@Test func embeddingWeightGradientMatchesFiniteDifferences() throws {
    var generator = SeededGenerator(seed: 32)
    let table = Embedding(count: 7, dimension: 5, standardDeviation: 1, generator: &generator)
    let ids = [6, 1, 1, 0, 3]
    let results = GradientCheck.checkLayer(
        input: Tensor(shape: [1], scalars: [0]), parameters: table.parameters,
        forward: { _ in (try? table.forward(ids)) ?? .empty }, backward: { table.backward($0); return nil })
    for (label, result) in results { #expect(result.maxRelativeError < 1e-2, "\(label): \(result)") }
}

@Test func embeddingRejectsOutOfRangeIds() {
    var generator = SeededGenerator(seed: 33)
    let table = Embedding(count: 4, dimension: 2, generator: &generator)
    #expect(throws: TensorCoreError.idOutOfRange(4, at: 1, limit: 4)) { try table.forward([0, 4]) }
    #expect(throws: TensorCoreError.idOutOfRange(-1, at: 0, limit: 4)) { try table.forward([-1]) }
    #expect((try? table.forward([])).map(\.count) == 0)
}
