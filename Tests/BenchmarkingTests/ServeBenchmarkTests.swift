// The `serve` suite on a tiny model: every point of the grid (replicas × conversations) reports
// turns/s, p50 and p99, and no request fails; with the customers' pauses, the load is paced.
// The suite blocks its calling thread while its servers run on the concurrency pool, so the
// tests call it from a thread of their own (two blocked pool threads would be all of them here).
import Benchmarking
import Foundation
import LanguageModeling
import Testing
import TestSupport

@Test func serveSuiteReportsEveryPointWithoutFailures() async throws {
    let folder = try TestFixtures.folder([:])
    defer { try? FileManager.default.removeItem(at: folder) }
    let inputs = try tinyModelInputs(in: folder)
    var settings = ServeBenchmarkSettings()
    settings.concurrency = [1, 4]
    settings.replicas = [1, 2]
    let records = await onOwnThread { [settings] in ServeBenchmark(quick: true, settings: settings, inputs: inputs).run() }
    let values = Dictionary(records.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    #expect(records.count == 16)
    for replicas in [1, 2] {
        for conversations in [1, 4] {
            let prefix = "serve.sqlite.replicas\(replicas).conversations\(conversations)"
            #expect((values[prefix + ".turns_per_second"] ?? 0) > 0, "\(prefix)")
            #expect((values[prefix + ".p50"] ?? .nan) <= (values[prefix + ".p99"] ?? .nan), "\(prefix)")
            #expect(values[prefix + ".failed"] == 0, "\(prefix)")
        }
    }
}

@Test func customersPausesPaceTheLoad() async throws {
    let folder = try TestFixtures.folder([:])
    defer { try? FileManager.default.removeItem(at: folder) }
    var settings = ServeBenchmarkSettings()
    settings.concurrency = [4]
    settings.replicas = [1]
    settings.thinkSeconds = 0.3
    let inputs = try tinyModelInputs(in: folder)
    let records = await onOwnThread { [settings] in ServeBenchmark(quick: true, settings: settings, inputs: inputs).run() }
    let values = Dictionary(records.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    let prefix = "serve.sqlite.replicas1.conversations4.think0.3s"
    // Each pause is at least 0.15 s, so four customers send at most 4 / 0.15 ≈ 27 messages a second.
    let turnsPerSecond = try #require(values[prefix + ".turns_per_second"])
    #expect(turnsPerSecond > 0 && turnsPerSecond < 4 / 0.15)
    #expect(values[prefix + ".failed"] == 0)
}

/// A tiny demo-shop model saved in `folder`, as the suite's inputs.
private func tinyModelInputs(in folder: URL) throws -> BenchmarkInputs {
    let rows = [("hi there", "greeting"), ("hello", "greeting"), ("where is my order", "order_status"),
                ("where is my parcel 48213377", "order_status"), ("how long does delivery take", "delivery_time"),
                ("when will it arrive", "delivery_time")]
    let model = try ChatModelTrainer(config: .tiny(epochs: 3)).train(rows.map { TrainingExample(text: $0.0, intent: $0.1) }).model
    try model.save(to: folder.appendingPathComponent("model"))
    var inputs = BenchmarkInputs()
    inputs.intentsDirectory = TestFixtures.repositoryRoot.appendingPathComponent("intents")
    inputs.modelDirectory = folder.appendingPathComponent("model")
    return inputs
}

/// `body`'s result, computed on a new thread (not one of the concurrency pool's).
private func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in Thread { continuation.resume(returning: body()) }.start() }
}
