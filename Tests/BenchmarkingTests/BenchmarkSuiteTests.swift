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
    for writers in [1, 8] {
        #expect(found.contains("store.sqlite.bare_insert.writers\(writers)"))
        #expect(found.contains("store.sqlite.insert.writers\(writers).ratio_to_bare_insert"))
    }
}

@Test func quantizeComparesBothFormsOfATinyModel() throws {
    let root = try TestFixtures.folder([:])
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(names(QuantizationBenchmark(quick: true).run()) == ["quantize.skipped"])
    let rows = [("where is my order", "order"), ("has my parcel shipped", "order"), ("I want a refund", "refund"),
                ("give me my money back", "refund"), ("hello there", "greeting"), ("hi", "greeting")]
    let model = try ChatModelTrainer(config: .tiny(epochs: 3)).train(rows.map { TrainingExample(text: $0.0, intent: $0.1) }).model
    try model.save(to: root)
    var bench = QuantizationBenchmark(quick: true)
    bench.modelDirectory = root
    let records = bench.run()
    let found = names(records)
    for name in ["quantize.float32.load.median", "quantize.int8.predict_batch1.p99", "quantize.weights_smaller_factor"] {
        #expect(found.contains(name), "\(found)")
    }
    #expect((records.first { $0.name == "quantize.weights_smaller_factor" }?.value ?? 0) > 2)
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

@Test func mailReadsASyntheticMboxWithoutFailures() {
    let records = MailBenchmark(quick: true, megabytes: 1).run()
    let found = names(records)
    #expect(found.contains("mail.mbox.messages_per_second"))
    #expect(records.first { $0.name == "mail.mbox.failures" }?.value == 0)
    #expect((records.first { $0.name == "mail.mbox.size" }?.value ?? 0) >= 1)
}

@Test func finetuneComparesFineTuningWithRetrainingOnATinyBanking77() throws {
    let rows = TinyDomain.intentFiles.keys.sorted().flatMap { file in
        (0..<8).map { "\"\(file.dropLast(5)) please \($0)\",\(file.dropLast(5))\n" }
    }
    let folder = try TestFixtures.folder([:])
    defer { try? FileManager.default.removeItem(at: folder) }
    let banking = folder.appendingPathComponent("banking77")
    try FileManager.default.createDirectory(at: banking, withIntermediateDirectories: true)
    for name in ["train.csv", "test.csv"] {
        try ("text,category\n" + rows.joined()).write(to: banking.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    var settings = FineTuneBenchmarkSettings()
    settings.dataDirectory = folder.path
    settings.workDirectory = folder.appendingPathComponent("work").path
    settings.newIntentCount = 1
    settings.conversations = 5
    settings.fineTune.epochs = 2
    settings.configJSON = String(decoding: try JSONEncoder().encode(ChatModelConfig.tiny(epochs: 2)), as: UTF8.self)
    let found = names(FineTuneBenchmark(quick: true, settings: settings).run())
    for name in ["full_retrain.accuracy", "full_retrain.seconds", "base_2.accuracy", "finetuned.accuracy", "finetuned.seconds",
                 "accuracy_gap", "time_ratio", "finetune_5_conversations.seconds", "full_retrain.accuracy_not_flagged",
                 "finetuned.accuracy_not_flagged", "accuracy_not_flagged_gap", "finetuned.gate.old_base.accuracy",
                 "finetuned.gate.old_candidate.accuracy", "finetuned.gate.new_base.accuracy", "finetuned.gate.new_candidate.accuracy",
                 "full_retrain.cpu_seconds", "finetuned.cpu_seconds", "cpu_time_ratio", "finetune_5_conversations.cpu_seconds",
                 "finetuned.gate.old_taken_by_new", "full_retrain.old_intents_accuracy", "base_2.old_intents_accuracy",
                 "finetuned.old_intents_accuracy"] {
        #expect(found.contains("finetune.banking77." + name), "missing \(name)")
    }
}

@Test func encoderSuiteMeasuresATinyEncoder() throws {
    let folder = try TestFixtures.folder([:])
    let banking = folder.appendingPathComponent("banking77")
    try FileManager.default.createDirectory(at: banking, withIntermediateDirectories: true)
    let phrases = ["refund": ["I want a refund", "money back please", "refund my order"],
                   "card": ["my card is lost", "card not working", "new card please"]]
    let rows = phrases.flatMap { intent, texts in
        (0..<12).map { "\"\(texts[$0 % texts.count]) \($0)\",\(intent)\n" }
    }.sorted()
    for name in ["train.csv", "test.csv"] {
        try ("text,category\n" + rows.joined()).write(to: banking.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    var settings = IntentBenchmarkSettings()
    settings.dataDirectory = folder.path
    settings.encoderDirectory = ReferenceEncoder.tiny.path
    settings.splitDumpDirectory = folder.path
    let found = names(EncoderBenchmark(quick: true, settings: settings).run())
    for name in ["encoder.parameters", "encoder.wordpiece.tokens_per_second", "encoder.embed.one_message.threads1.p99",
                 "encoder.embed.batch32.threads1.messages_per_second", "encoder.banking77.10shot.seed1.top1_accuracy",
                 "encoder.banking77.10shot.seed1.accuracy_not_flagged"] {
        #expect(found.contains(name), "\(name)")
    }
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("banking77-10shot-seed1.csv").path))
    // Without an encoder folder the suite says so and measures nothing.
    settings.encoderDirectory = folder.appendingPathComponent("missing").path
    #expect(EncoderBenchmark(quick: true, settings: settings).run().isEmpty)
}

@Test func clusteringScoresOursAndThePeerOnAFileWithHiddenLabels() throws {
    let groups = [
        "refund": ["i want a refund", "refund my order please", "can i get a refund", "refund status?", "where is my refund"],
        "card": ["my card was declined", "card payment declined", "why was my card declined", "declined card again", "card declined at checkout"],
        "pin": ["reset my pin", "forgot my pin", "change pin code", "pin blocked", "how to reset pin"],
    ]
    let rows = groups.sorted { $0.key < $1.key }.flatMap { label, texts in texts.map { "\"\($0)\",\(label)\n" } }
    let folder = try TestFixtures.folder(["labelled.csv": "text,category\n" + rows.joined()])
    defer { try? FileManager.default.removeItem(at: folder) }
    var settings = ClusteringBenchmarkSettings()
    settings.dataFile = folder.appendingPathComponent("labelled.csv").path
    let records = ClusteringBenchmark(quick: true, settings: settings).run()
    let found = names(records)
    let value = Dictionary(uniqueKeysWithValues: records.map { ($0.name, $0.value) })
    #expect(value["clustering.labelled.intents3.messages"] == 15)
    #expect(value["clustering.labelled.intents3.ward_tfidf.true_k.ari"] == 1)
    #expect((0...1).contains(value["clustering.labelled.intents3.kmeans_tfidf_peer.true_k.nmi"] ?? -1))
    #expect(found.contains("clustering.labelled.intents3.ward_over_peer.ari_ratio"))
    #expect(found.contains("clustering.labelled.intents3.ward_tfidf.silhouette_k.clusters"))
    settings.intentCount = 2
    #expect(names(ClusteringBenchmark(settings: settings).run()).contains("clustering.labelled.intents2.ward_tfidf.true_k.nmi"))
}

@Test func trainingMeasuresTokensPerSecondForEveryShape() {
    var settings = NetworkBenchmarkSettings()
    settings.shapes = [.init(width: 8, layers: 1), .init(width: 16, layers: 2)]
    settings.trainingThreads = 1
    var bench = TrainingThroughputBenchmark(quick: true, settings: settings)
    (bench.vocabularySize, bench.intentCount, bench.batch, bench.length) = (50, 5, 2, 6)
    let found = names(bench.run())
    #expect(found == ["d8x1", "d16x2"].flatMap { shape in
        ["tokens_per_s", "step_ms", "gflops"].map { "training.\(shape).\($0)" }
    })
}

@Test func inferenceMeasuresLatencyAndCachedGenerationMatchesRecomputing() {
    var settings = NetworkBenchmarkSettings()
    settings.shapes = [.init(width: 16, layers: 2)]
    var bench = InferenceLatencyBenchmark(quick: true, settings: settings)
    (bench.vocabularySize, bench.intentCount, bench.sequenceLength, bench.newTokens) = (50, 5, 5, 4)
    let records = bench.run()
    #expect(names(records) == ["classify_ms", "classify_p99_ms", "generate_ms_per_token", "cache_matches_recompute"]
        .map { "inference.d16x2.\($0)" })
    #expect(records.last?.value == 1)
}

@Test func networkShapesParseOnlyWidthsThatSplitIntoFourHeads() {
    #expect(NetworkBenchmarkSettings.Shape("256x4") == .init(width: 256, layers: 4))
    #expect(NetworkBenchmarkSettings.Shape("130x2") == nil)
    #expect(NetworkBenchmarkSettings.Shape("128") == nil)
    #expect(NetworkBenchmarkSettings.Shape("128x0") == nil)
}
