// The encoder against numpy (scripts/fixtures/encoder_reference.py): a tiny random BERT committed
// in Resources/tiny-encoder, and all-MiniLM-L6-v2 when present (required under CI=true); the
// backward pass through pooling and every layer against finite differences; bad folders.
import Foundation
import PretrainedEncoder
import TensorCore
import TestSupport
import Testing
import Tokenization

private struct Expected: Decodable {
    var text: String
    var ids: [Int32]
    var pooled: [Float]?
    var normalized: [Float]
    var hidden: [Float]?
}

private func resource(_ name: String) throws -> URL {
    try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources")
                 ?? Bundle.module.url(forResource: name, withExtension: nil))
}

private func expected(_ name: String) throws -> [Expected] {
    try JSONDecoder().decode([Expected].self, from: Data(contentsOf: try resource(name)))
}

private func worst(_ a: [Float], _ b: [Float]) -> Float {
    #expect(a.count == b.count)
    return zip(a, b).map { abs($0 - $1) }.max() ?? .infinity
}

@Test func tinyEncoderMatchesTheNumpyReference() throws {
    let encoder = try SentenceEncoder.load(from: try resource("tiny-encoder"), normalizes: false)
    #expect(encoder.configuration.layerCount == 2 && encoder.dimension == 8)
    let rows = try expected("tiny-encoder-expected.json")
    #expect(rows.count == 5)
    for row in rows {
        let batch = encoder.batch([row.text])
        #expect(batch.ids.map(Int32.init) == row.ids, "ids of \(row.text)")
        let hidden = try encoder.hiddenStates(batch)
        #expect(worst(hidden.scalars, try #require(row.hidden)) < 1e-4, "hidden states of \(row.text)")
        let pooled = try encoder.forward(batch)
        #expect(worst(pooled.scalars, try #require(row.pooled)) < 1e-4, "pooled \(row.text)")
    }
    // Batched with padding, and normalised: the same vectors.
    let normalizing = try SentenceEncoder.load(from: try resource("tiny-encoder"))
    let vectors = try normalizing.embed(rows.map(\.text), batchSize: 4)
    for (vector, row) in zip(vectors, rows) { #expect(worst(vector, row.normalized) < 1e-4, "batched \(row.text)") }
}

@Test(.enabled(if: ReferenceEncoder.isEnabled))
func miniLMMatchesTheNumpyReference() throws {
    let encoder = try SentenceEncoder.load(from: ReferenceEncoder.folder)
    #expect(encoder.dimension == 384 && encoder.layers.count == 6)
    let rows = try expected("minilm-expected.json")
    let vectors = try encoder.embed(rows.map(\.text))
    for (vector, row) in zip(vectors, rows) {
        #expect(encoder.tokenizer.encode(row.text).ids == row.ids)
        #expect(worst(vector, row.normalized) < 2e-4, "\(row.text)")
    }
}

@Test(arguments: [true, false])
func encoderGradientsMatchFiniteDifferences(normalizes: Bool) throws {
    // The committed tiny encoder's weights (std 0.5) keep every LayerNorm well conditioned for a step of 1e-2.
    var generator = SeededGenerator(seed: 74)
    let encoder = try SentenceEncoder.load(from: try resource("tiny-encoder"), normalizes: normalizes)
    let batch = encoder.batch(["where is my refund", "hello"])
    #expect(batch.lengths[0] > batch.lengths[1])
    let weights = Tensor.randomNormal([2, 8], using: &generator)
    encoder.parameters.zeroGradients()
    _ = try encoder.forward(batch, retainingInputs: true)
    encoder.backward(weights)
    let loss = { GradientCheck.weightedSum(try! encoder.forward(batch), weights) }
    // Word embeddings: only the rows the batch reads have gradients; one of them is checked below.
    for parameter in encoder.parameters where parameter.name != "embeddings.word_embeddings.weight" {
        let result = GradientCheck.check(parameter, loss: loss)
        #expect(result.maxRelativeError < 3e-2, "\(parameter.name): \(result)")
    }
    let word = try #require(encoder.parameters.first { $0.name == "embeddings.word_embeddings.weight" })
    let row = Int(batch.ids[1]) * 8
    let rowGradient = Tensor(shape: [8], scalars: Array(word.gradient.scalars[row..<(row + 8)]))
    let result = GradientCheck.check(analytic: rowGradient, label: "word row",
                                     perturb: { word.value.scalars[row + $0] += $1 }, loss: loss)
    #expect(result.maxRelativeError < 3e-2, "\(result)")
}

@Test func onlyTheTopLayersLearnWhenTheRestIsFrozen() throws {
    let encoder = try SentenceEncoder.load(from: try resource("tiny-encoder"))
    let batch = encoder.batch(["where is my card"])
    encoder.parameters.zeroGradients()
    _ = try encoder.forward(batch, retainingInputs: true, trainableFrom: 1)
    encoder.backward(Tensor(shape: [1, 8], repeating: 1), trainableFrom: 1)
    let norm = { (p: Parameter) in p.gradient.scalars.map { abs($0) }.reduce(0, +) }
    #expect(encoder.layers[0].parameters.allSatisfy { norm($0) == 0 })
    #expect(encoder.embeddings.parameters.allSatisfy { norm($0) == 0 })
    #expect(encoder.layers[1].parameters.contains { norm($0) > 0 })
}

@Test func badFoldersNameTheFileAndTheProblem() throws {
    let folder = try TestFixtures.folder(["config.json": #"{"hidden_size": 8}"#])
    func message(_ body: () throws -> Void) -> String {
        do {
            try body()
            return "no error"
        } catch {
            return "\(error)"
        }
    }
    #expect(message { _ = try SentenceEncoder.load(from: folder) }.contains("model.safetensors is missing"))
    let tiny = try resource("tiny-encoder")
    for name in ["model.safetensors", "tokenizer.json"] {
        try FileManager.default.copyItem(at: tiny.appendingPathComponent(name), to: folder.appendingPathComponent(name))
    }
    #expect(message { _ = try SentenceEncoder.load(from: folder) } .contains("config.json: num_hidden_layers: missing"))
    var config = try String(contentsOf: tiny.appendingPathComponent("config.json"), encoding: .utf8)
    try config.replacingOccurrences(of: "\"gelu\"", with: "\"relu\"")
        .write(to: folder.appendingPathComponent("config.json"), atomically: true, encoding: .utf8)
    #expect(message { _ = try SentenceEncoder.load(from: folder) }.contains("hidden_act: relu"))
    config = config.replacingOccurrences(of: "\"num_hidden_layers\": 2", with: "\"num_hidden_layers\": 3")
    try config.write(to: folder.appendingPathComponent("config.json"), atomically: true, encoding: .utf8)
    let missingLayer = message { _ = try SentenceEncoder.load(from: folder) }
    #expect(missingLayer.contains("model.safetensors") && missingLayer.contains("encoder.layer.2"))
}
