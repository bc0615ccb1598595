// Causal self-attention: forward against a naive per-head loop, gradients against finite
// differences for odd shapes and head counts, and the KV cache against full recomputation.
import Foundation
import TensorCore
import TestSupport
import Testing

/// Attention computed the slow way in Double: qkv, per-head masked softmax, projection. x: [B, T, C].
private func naiveAttention(_ layer: CausalSelfAttention, _ x: Tensor) -> [Double] {
    let (batch, time, c) = (x.shape[0], x.shape[1], x.shape[2])
    let heads = layer.headCount, d = c / heads
    let wq = layer.inputProjection.weight.value.scalars, bq = layer.inputProjection.bias?.value.scalars ?? []
    let wo = layer.outputProjection.weight.value.scalars, bo = layer.outputProjection.bias?.value.scalars ?? []
    var output = [Double](repeating: 0, count: x.count)
    for b in 0..<batch {
        var qkv = [[Double]](repeating: [Double](repeating: 0, count: 3 * c), count: time)
        for t in 0..<time {
            for o in 0..<(3 * c) {
                var sum = Double(bq[o])
                for i in 0..<c { sum += Double(wq[o * c + i]) * Double(x.scalars[(b * time + t) * c + i]) }
                qkv[t][o] = sum
            }
        }
        var attended = [[Double]](repeating: [Double](repeating: 0, count: c), count: time)
        for h in 0..<heads {
            for t in 0..<time {
                var scores = (0...t).map { s in
                    (0..<d).reduce(0.0) { $0 + qkv[t][h * d + $1] * qkv[s][c + h * d + $1] } / Double(d).squareRoot()
                }
                let top = scores.max() ?? 0
                scores = scores.map { exp($0 - top) }
                let total = scores.reduce(0, +)
                for j in 0..<d {
                    attended[t][h * d + j] = (0...t).reduce(0.0) { $0 + scores[$1] / total * qkv[$1][2 * c + h * d + j] }
                }
            }
        }
        for t in 0..<time {
            for o in 0..<c {
                output[(b * time + t) * c + o] = Double(bo[o]) + (0..<c).reduce(0.0) { $0 + Double(wo[o * c + $1]) * attended[t][$1] }
            }
        }
    }
    return output
}

@Test(arguments: [(1, 1, 4, 1), (2, 3, 6, 2), (3, 4, 12, 3), (1, 5, 8, 4)])
func attentionForwardMatchesNaiveComputation(shape: (Int, Int, Int, Int)) {
    let (batch, time, c, heads) = shape
    var generator = SeededGenerator(seed: 61)
    let layer = CausalSelfAttention(channels: c, headCount: heads, generator: &generator)
    let x = Tensor.randomNormal([batch, time, c], using: &generator)
    let y = layer.forward(x)
    #expect(y.shape == [batch, time, c])
    let reference = naiveAttention(layer, x)
    let worst = zip(y.scalars, reference).map { abs(Double($0) - $1) }.max() ?? 0
    #expect(worst < 1e-5, "\(shape) worst \(worst)")
}

@Test(arguments: [(1, 1, 1, 1), (1, 1, 4, 2), (2, 3, 6, 2), (1, 5, 5, 1), (2, 4, 12, 3), (1, 3, 8, 4)])
func attentionGradientsMatchFiniteDifferences(shape: (Int, Int, Int, Int)) {
    let (batch, time, c, heads) = shape
    var generator = SeededGenerator(seed: 62)
    let layer = CausalSelfAttention(channels: c, headCount: heads, name: "attn.", generator: &generator)
    let x = Tensor.randomNormal([batch, time, c], using: &generator)
    let results = GradientCheck.checkLayer(input: x, parameters: layer.parameters,
                                           forward: { layer.forward($0) }, backward: { layer.backward($0) })
    #expect(results.map(\.label) == ["input", "attn.qkv.weight", "attn.qkv.bias", "attn.proj.weight", "attn.proj.bias"])
    for (label, result) in results { #expect(result.maxRelativeError < 1e-2, "\(shape) \(label): \(result)") }
}

@Test(arguments: [[1, 1, 1, 1, 1, 1, 1], [3, 4], [2, 1, 4], [7]])
func keyValueCacheDecodingMatchesFullRecomputation(chunks: [Int]) throws {
    let (time, c) = (7, 12)
    var generator = SeededGenerator(seed: 63)
    let layer = CausalSelfAttention(channels: c, headCount: 3, generator: &generator)
    let x = Tensor.randomNormal([1, time, c], using: &generator)
    let full = layer.forward(x)
    let cache = KeyValueCache(capacity: 10, channels: c)
    var decoded: [Float] = []
    var start = 0
    for n in chunks {
        let chunk = Tensor(shape: [n, c], scalars: Array(x.scalars[(start * c)..<((start + n) * c)]))
        decoded += try layer.decode(chunk, cache: cache).scalars
        start += n
    }
    #expect(cache.count == time)
    let worst = zip(decoded, full.scalars).map { abs($0 - $1) }.max() ?? 1
    #expect(worst < 1e-5, "chunks \(chunks) worst \(worst)")
}

@Test func keyValueCacheRejectsTokensBeyondItsCapacity() throws {
    var generator = SeededGenerator(seed: 64)
    let layer = CausalSelfAttention(channels: 4, headCount: 2, generator: &generator)
    let cache = KeyValueCache(capacity: 2, channels: 4)
    _ = try layer.decode(Tensor.randomNormal([2, 4], using: &generator), cache: cache)
    #expect(throws: TensorCoreError.cacheFull(capacity: 2)) {
        try layer.decode(Tensor.randomNormal([1, 4], using: &generator), cache: cache)
    }
    #expect(cache.count == 2)
    cache.reset()
    #expect(cache.count == 0)
}
