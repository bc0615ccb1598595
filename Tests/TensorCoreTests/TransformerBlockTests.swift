// TransformerBlock: gradients of the input and all twelve parameters, KV-cache decoding and the
// forward at chosen rows against the full forward, and seeded residual dropout.
import TensorCore
import TestSupport
import Testing

@Test(arguments: [(1, 1, 4, 1), (2, 3, 6, 2), (1, 4, 12, 3), (2, 2, 8, 4)])
func transformerBlockGradientsMatchFiniteDifferences(shape: (Int, Int, Int, Int)) {
    let (batch, time, c, heads) = shape
    var generator = SeededGenerator(seed: 71)
    let block = TransformerBlock(channels: c, headCount: heads, name: "h.0.", generator: &generator)
    for parameter in block.parameters where parameter.name.contains("ln") {
        parameter.value = Tensor.randomNormal(parameter.value.shape, standardDeviation: 0.5, using: &generator)
            .adding(Tensor(shape: parameter.value.shape, repeating: parameter.name.hasSuffix("weight") ? 1 : 0))
    }
    let x = Tensor.randomNormal([batch, time, c], using: &generator)
    let results = GradientCheck.checkLayer(input: x, parameters: block.parameters, epsilon: 5e-3,
                                           forward: { block.forward($0) }, backward: { block.backward($0) })
    #expect(results.count == 13)
    #expect(results[1].label == "h.0.ln1.weight" && results[12].label == "h.0.mlp.proj.bias")
    for (label, result) in results { #expect(result.maxRelativeError < 2e-2, "\(shape) \(label): \(result)") }
}

@Test func transformerBlockDecodingMatchesTheFullForward() throws {
    let (time, c) = (6, 8)
    var generator = SeededGenerator(seed: 72)
    let block = TransformerBlock(channels: c, headCount: 2, dropout: 0.5, generator: &generator)
    block.isTraining = false
    let x = Tensor.randomNormal([1, time, c], using: &generator)
    let full = block.forward(x).scalars
    let cache = KeyValueCache(capacity: time, channels: c)
    var decoded: [Float] = []
    for t in 0..<time {
        let token = Tensor(shape: [1, c], scalars: Array(x.scalars[(t * c)..<((t + 1) * c)]))
        decoded += try block.decode(token, cache: cache).scalars
    }
    let worst = zip(decoded, full).map { abs($0 - $1) }.max() ?? 1
    #expect(worst < 1e-5, "worst \(worst)")
}

@Test func transformerBlockAtChosenRowsMatchesThoseRowsOfTheFullForward() {
    let (batch, time, c) = (2, 5, 8)
    var generator = SeededGenerator(seed: 76)
    let block = TransformerBlock(channels: c, headCount: 2, dropout: 0.5, generator: &generator)
    block.isTraining = false
    let x = Tensor.randomNormal([batch, time, c], using: &generator)
    let full = block.forward(x).scalars
    let rows = [4, 0, 7]
    let chosen = block.forward(x, rows: rows)
    #expect(chosen.shape == [rows.count, c])
    let expected = rows.flatMap { full[($0 * c)..<(($0 + 1) * c)] }
    let worst = zip(chosen.scalars, expected).map { abs($0 - $1) }.max() ?? 1
    #expect(worst < 1e-5, "worst \(worst)")
}

@Test func residualDropoutIsSeededAndOffInEvaluation() {
    func makeBlock() -> TransformerBlock {
        var generator = SeededGenerator(seed: 73)
        return TransformerBlock(channels: 8, headCount: 2, dropout: 0.4, seed: 5, generator: &generator)
    }
    var generator = SeededGenerator(seed: 74)
    let x = Tensor.randomNormal([2, 3, 8], using: &generator)
    let first = makeBlock(), second = makeBlock()
    let a = first.forward(x), b = second.forward(x)
    #expect(a == b)
    first.isTraining = false
    second.isTraining = false
    second.attentionDropout.probability = 0
    second.feedForwardDropout.probability = 0
    let evaluated = first.forward(x)
    #expect(evaluated != a)
    #expect(evaluated == second.forward(x))
}

@Test func transformerBlockReusesItsBuffersAcrossSteps() {
    var generator = SeededGenerator(seed: 75)
    let block = TransformerBlock(channels: 8, headCount: 2, dropout: 0.1, generator: &generator)
    let x = Tensor.randomNormal([2, 5, 8], using: &generator)
    let g = Tensor.randomNormal([2, 5, 8], using: &generator)
    func step() -> (UnsafeRawPointer?, UnsafeRawPointer?) {
        let output = block.forward(x).withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        let gradient = block.backward(g).withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        return (output, gradient)
    }
    let first = step(), second = step(), third = step()
    #expect(second.0 == first.0 && third.0 == first.0, "the output buffer is reused")
    #expect(second.1 == first.1 && third.1 == first.1, "the input-gradient buffer is reused")
}
