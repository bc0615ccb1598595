// The demo domain (`intents/`) as training examples, read with the Chatbot module's validating
// intents reader, for timing training on the demo domain.
import FileFormats
import Foundation
import LanguageModeling
import Primitives
import TensorCore

/// The demo domain as training examples.
enum DemoIntents {
    /// Every intent's examples with its replies paired round-robin, or nil if `directory` does not load.
    static func load(directory: String = "intents") -> [TrainingExample]? {
        guard let catalog = try? IntentCatalog.load(from: URL(fileURLWithPath: directory)) else { return nil }
        let examples = catalog.intents.flatMap { intent in
            TrainingExample.examples(
                intent: intent.name, texts: intent.examples.map(\.text), replies: intent.responses.map(\.text))
        }
        return examples.isEmpty ? nil : examples
    }
}

extension IntentBenchmark {
    /// Training time and validation accuracy on the demo domain, per trunk.
    func demoDomain() -> [BenchmarkRecord] {
        guard let examples = DemoIntents.load() else { return [] }
        var records: [BenchmarkRecord] = []
        for architecture in quick ? [ChatModelConfig.Architecture.transformer] : ChatModelConfig.Architecture.allCases {
            var config = baseConfig()
            config.architecture = architecture
            let start = Date()
            let name = "intents.demo.\(architecture.rawValue)"
            guard let trained = try? ChatModelTrainer(config: config).train(examples, progress: Self.epochLogger(name))
            else { continue }
            records.append(BenchmarkRecord(name: name + ".train_seconds", value: Date().timeIntervalSince(start), unit: "s"))
            records.append(BenchmarkRecord(name: name + ".validation_accuracy",
                                           value: (trained.report.validationAccuracy ?? 0) * 100, unit: "%"))
            records.append(BenchmarkRecord(name: name + ".epochs", value: Double(trained.report.epochsRun), unit: "epochs"))
            let validation = DatasetSplit(examples, validationFraction: config.validationFraction, seed: config.seed,
                                          minimumGroupSize: config.validationMinimumPerIntent).validation
            for expert in ["dense", "sparse"] {
                guard let logits = try? trained.model.logits(for: validation.map(\.text), expert: expert) else { continue }
                let right = zip(logits, validation).filter { pair in
                    let best = pair.0.intent.indices.max { pair.0.intent[$0] < pair.0.intent[$1] } ?? 0
                    return trained.model.labels.intents[best] == pair.1.intent
                }.count
                records.append(BenchmarkRecord(name: name + ".validation_accuracy.\(expert)",
                                               value: Double(right) / Double(max(1, validation.count)) * 100, unit: "%"))
            }
            records += inferenceLatency(model: trained.model, texts: validation.map(\.text), name: name)
            var options = GenerationOptions()
            options.intent = "cancel_order"
            if let reply = try? trained.model.generate("please cancel my order", options: options) {
                FileHandle.standardError.write(Data("\(name) reply: \(reply.text)\n".utf8))
            }
        }
        return records
    }

    /// One-message classification latency at 1 and 2 OpenBLAS threads, and greedy generation
    /// time per token with and without the cache.
    func inferenceLatency(model: ChatModel, texts: [String], name: String) -> [BenchmarkRecord] {
        var records: [BenchmarkRecord] = []
        let saved = BLAS.threadCount
        defer { BLAS.threadCount = saved }
        for threads in [1, 2] {
            BLAS.threadCount = threads
            let times = texts.map { text in Stopwatch.seconds { _ = try? model.predict(text) } * 1000 }.sorted()
            records.append(BenchmarkRecord(name: name + ".classify_p50.threads\(threads)", value: times[times.count / 2], unit: "ms"))
            for cached in [true, false] {
                var options = GenerationOptions()
                options.intent = "cancel_order"
                options.usesCache = cached
                var tokens = 0
                let seconds = Stopwatch.seconds {
                    for text in texts.prefix(10) { tokens += (try? model.generate(text, options: options))?.tokenIDs.count ?? 0 }
                }
                records.append(BenchmarkRecord(name: name + ".generate_per_token.\(cached ? "cache" : "recompute").threads\(threads)",
                                               value: seconds * 1000 / Double(max(1, tokens)), unit: "ms"))
            }
        }
        return records
    }
}
