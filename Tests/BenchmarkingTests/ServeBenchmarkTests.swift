// The `serve` suite on a tiny model: every point of the grid (replicas × conversations) reports
// turns/s, p50 and p99, and no request fails.
import Benchmarking
import Foundation
import LanguageModeling
import Testing
import TestSupport

@Test func serveSuiteReportsEveryPointWithoutFailures() throws {
    let rows = [("hi there", "greeting"), ("hello", "greeting"), ("where is my order", "order_status"),
                ("where is my parcel 48213377", "order_status"), ("how long does delivery take", "delivery_time"),
                ("when will it arrive", "delivery_time")]
    let model = try ChatModelTrainer(config: .tiny(epochs: 3)).train(rows.map { TrainingExample(text: $0.0, intent: $0.1) }).model
    let folder = try TestFixtures.folder([:])
    defer { try? FileManager.default.removeItem(at: folder) }
    try model.save(to: folder.appendingPathComponent("model"))
    var settings = ServeBenchmarkSettings()
    settings.concurrency = [1, 4]
    settings.replicas = [1, 2]
    var inputs = BenchmarkInputs()
    inputs.intentsDirectory = TestFixtures.repositoryRoot.appendingPathComponent("intents")
    inputs.modelDirectory = folder.appendingPathComponent("model")
    let records = ServeBenchmark(quick: true, settings: settings, inputs: inputs).run()
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
