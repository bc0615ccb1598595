// Int8 checkpoints: a model saved with `weightStorage = .int8PerRow` writes a much smaller
// model.safetensors, loads back with the same storage and reads the same intents.
import Foundation
import LanguageModeling
import Testing

@Test func anInt8CheckpointIsSmallerAndReadsTheSameIntents() throws {
    let model = try Fixtures.trainedModel()
    let plain = Fixtures.temporaryDirectory(), quantised = Fixtures.temporaryDirectory()
    defer { [plain, quantised].forEach { try? FileManager.default.removeItem(at: $0) } }
    try model.save(to: plain)
    model.weightStorage = .int8PerRow
    try model.save(to: quantised)
    model.weightStorage = .float32

    let size = { (folder: URL) in
        try Data(contentsOf: folder.appendingPathComponent(ChatModel.CheckpointFile.weights)).count
    }
    let ratio = Double(try size(plain)) / Double(try size(quantised))
    // Tiny models' sparse experts have 3–4 columns per row, so the per-row scales weigh more
    // than with 77 intents (Banking77: see docs/BENCHMARKS.md).
    #expect(ratio > 2.4, "model.safetensors is \(ratio)× smaller")

    let loaded = try ChatModel.load(from: quantised)
    #expect(loaded.weightStorage == .int8PerRow)
    #expect(try ChatModel.load(from: plain).weightStorage == .float32)
    let texts = Fixtures.paraphrases.map(\.0)
    #expect(try loaded.predict(texts).map(\.intent) == model.predict(texts).map(\.intent))
    let before = try model.logits(for: texts), after = try loaded.logits(for: texts)
    let drift = zip(before, after).flatMap { zip($0.intent, $1.intent).map { abs($0 - $1) } }.max() ?? 1
    #expect(drift > 0 && drift < 0.5, "int8 weights change the logits a little (largest change \(drift))")

    // Saving the loaded model again keeps it int8.
    let again = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: again) }
    try loaded.save(to: again)
    #expect(try size(again) == size(quantised))
    #expect(try ChatModel.load(from: again).predict(texts) == loaded.predict(texts))
}
