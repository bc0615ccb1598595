// Tests of ModelQuantization: a registered tiny model becomes a new candidate version with int8
// weights, the trained one as its parent and the folder's other files along; quantising an
// int8 version again is refused.
import ConversationStorage
import FileFormats
import Foundation
import LanguageModeling
import ModelLifecycle
import Testing
import TestSupport

private struct Silent: TrainingProgressReporting {
    func update(_ progress: TrainingProgress) {}
    func finish() {}
}

@Test func quantisingAVersionRegistersASmallerCandidateWithItsParent() throws {
    let root = try TestFixtures.folder([:])
    defer { try? FileManager.default.removeItem(at: root) }
    let intents = try TestFixtures.folder(TinyDomain.intentFiles)
    defer { try? FileManager.default.removeItem(at: intents) }
    let store = try SQLiteConversationStore(path: root.appendingPathComponent("store.sqlite").path)
    let registry = ModelRegistry(root: root.appendingPathComponent("models"), store: store)
    let pipeline = TrainingPipeline(sources: TrainingSources(intents: intents.path), config: TinyDomain.config,
                                    output: nil, registry: registry)
    let base = try pipeline.run(progress: Silent()).directory.lastPathComponent

    let outcome = try ModelQuantization.quantize(base, in: registry)
    #expect(outcome.name != base && outcome.name.hasSuffix("-int8"))
    // Tiny models' sparse experts have 3–4 columns per row, so the per-row scales weigh more
    // than with 77 intents (Banking77: see docs/BENCHMARKS.md).
    #expect(outcome.ratio > 2.4, "\(outcome.sourceBytes) → \(outcome.quantizedBytes) bytes")
    let version = try registry.version(named: outcome.name)
    #expect(version.parent == base && version.status == .candidate && !version.isActive)
    #expect(registry.activeName() == base)
    #expect(FileManager.default.fileExists(atPath: outcome.directory.appendingPathComponent(TrainingRecord.fileName).path))

    let original = try ChatModel.load(from: registry.root.appendingPathComponent(base))
    let quantised = try ChatModel.load(from: outcome.directory)
    #expect(quantised.weightStorage == .int8PerRow && original.weightStorage == .float32)
    let texts = ["hello there", "I would like a refund", "how much is delivery", "hi", "refund please"]
    #expect(try quantised.predict(texts).map(\.intent) == original.predict(texts).map(\.intent))

    #expect(throws: FileFormatError.self) { try ModelQuantization.quantize(outcome.name, in: registry) }
    #expect(throws: FileFormatError.self) { try ModelQuantization.quantize("no-such-version", in: registry) }
}
