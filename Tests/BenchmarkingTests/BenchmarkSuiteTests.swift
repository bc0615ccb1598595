// Each benchmark suite run on tiny inputs: it finishes quickly and prints the figures it names,
// with finite values (the full runs are `chatbot bench`; see docs/BENCHMARKS.md).
import Benchmarking
import Foundation
import LanguageModeling
import ModelLifecycle
import Testing
import TestSupport

/// The records' names, after checking that every value is finite (NaN only for a `.skipped` note) and every line is JSON.
private func names(_ records: [BenchmarkRecord], sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
    for record in records {
        #expect(record.value.isFinite || record.name.hasSuffix(".skipped"), "\(record.name) = \(record.value)", sourceLocation: sourceLocation)
        let object = try? JSONSerialization.jsonObject(with: Data(record.jsonLine.utf8)) as? [String: Any]
        #expect(object?["name"] as? String == record.name, sourceLocation: sourceLocation)
    }
    return records.map(\.name)
}

@Test func gemmMeasuresEverySizeAndShape() {
    var bench = GEMMBenchmark(quick: true)
    bench.squareSizes = [16]
    bench.threadCounts = [1]
    bench.minimumSeconds = 0
    let found = names(bench.run())
    #expect(found.contains { $0.contains("16") })
    #expect(found.contains { $0.contains("lm_head.forward") })
}

@Test func transformerBlockTimesForwardAndBackward() {
    var bench = TransformerBlockBenchmark(quick: true)
    (bench.channels, bench.headCount, bench.length, bench.batch) = (16, 2, 4, 2)
    bench.threadCounts = [1]
    (bench.warmUpSteps, bench.timedSteps) = (1, 1)
    #expect(!names(bench.run()).isEmpty)
}

@Test func storeMeasuresSQLiteInsertsAndReads() {
    var bench = StoreBenchmark(quick: true)
    (bench.turns, bench.reads) = (16, 3)
    let found = names(bench.run())
    #expect(found.contains { $0.hasPrefix("store.sqlite.") })
}

@Test func tokenizerTrainsEncodesAndDecodesATinyCorpus() throws {
    let folder = try TestFixtures.folder([
        "tiny.csv": "text\n" + (0..<40).map { "where is my order number \($0)? the parcel is late\n" }.joined(),
    ])
    var bench = TokenizerBenchmark(quick: true)
    bench.dataDirectory = folder.path
    bench.vocabularySize = 300
    bench.threadCounts = [1]
    let found = names(bench.run())
    #expect(found.contains("tokenizer.train.threads1"))
    #expect(found.contains("tokenizer.encode_batch.threads1"))
}

@Test func sentimentMeasuresThroughput() {
    var bench = SentimentBenchmark(quick: true)
    (bench.repeats, bench.runs) = (1, 1)
    #expect(!names(bench.run()).isEmpty)
}

@Test func chatTimesTurnsWithTheExampleMatcherOnATinyDomain() throws {
    var bench = ChatBenchmark(quick: true)
    bench.intentsDirectory = try TestFixtures.folder(TinyDomain.intentFiles)
    bench.registry = ModelRegistry(root: try TestFixtures.folder([:]))  // no active model: matcher figures only
    bench.turns = 8
    let found = names(bench.run())
    #expect(found.contains("chat.example_matcher.build"))
    #expect(!found.contains { $0.hasPrefix("chat.model") })
}

@Test func intentsTrainsAndScoresATinyBanking77() throws {
    let rows = TinyDomain.intentFiles.keys.sorted().flatMap { file in
        (0..<6).map { "\"\(file.dropLast(5)) please \($0)\",\(file.dropLast(5))\n" }
    }
    let folder = try TestFixtures.folder([:])
    let banking = folder.appendingPathComponent("banking77")
    try FileManager.default.createDirectory(at: banking, withIntermediateDirectories: true)
    for name in ["train.csv", "test.csv"] {
        try ("text,category\n" + rows.joined()).write(to: banking.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    var settings = IntentBenchmarkSettings()
    settings.includeDemoDomain = false
    settings.variants = ["transformer+sparse"]
    settings.dataDirectory = folder.path
    settings.configJSON = String(decoding: try JSONEncoder().encode(ChatModelConfig.tiny(epochs: 2)), as: UTF8.self)
    let found = names(IntentBenchmark(quick: true, settings: settings).run())
    #expect(found.contains("intents.banking77.transformer+sparse.accuracy"))
    #expect(found.contains("intents.banking77.transformer+sparse.macro_f1"))
    #expect(found.contains("intents.banking77.transformer+sparse.latency_p99.threads1"))
    #expect(found.contains("intents.banking77.transformer+sparse.flagged_out_of_scope"))
}
