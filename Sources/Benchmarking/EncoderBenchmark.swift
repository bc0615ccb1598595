// The `encoder` suite: the pretrained sentence encoder (default .chatbot/encoders/all-MiniLM-L6-v2,
// from scripts/get-encoder): WordPiece throughput, embedding latency per message and batched
// throughput, Banking77 few-shot accuracy (seed-fixed 5/10/30 per intent and the full set) with
// heads on frozen vectors, the demo shop's validation accuracy, and airline sentiment by 5-fold
// cross-validation. Data is read from ../shared/data at run time, never copied into the repository.
import FileFormats
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import LanguageModeling
import ModelLifecycle
import PretrainedEncoder
import Primitives
import TensorCore
import Tokenization

/// Measurements of `chatbot train --encoder`'s parts.
public struct EncoderBenchmark: Sendable {
    /// Fewer texts, 10-shot only, no cross-validation.
    public var quick: Bool
    /// The encoder folder, the data folder, and where to write the few-shot samples for the peer.
    public var settings: IntentBenchmarkSettings

    /// A benchmark, shortened when `quick`.
    public init(quick: Bool, settings: IntentBenchmarkSettings = IntentBenchmarkSettings()) {
        self.quick = quick
        self.settings = settings
    }

    /// The folder `chatbot bench --suite encoder` reads when `--encoder` is not given.
    public static let defaultEncoderDirectory = ".chatbot/encoders/all-MiniLM-L6-v2"

    /// Runs every measurement whose inputs are present.
    public func run() -> [BenchmarkRecord] {
        let folder = URL(fileURLWithPath: settings.encoderDirectory ?? Self.defaultEncoderDirectory)
        let encoder: SentenceEncoder
        do {
            encoder = try SentenceEncoder.load(from: folder)
        } catch {
            FileHandle.standardError.write(Data("encoder suite: \(error) (run scripts/get-encoder)\n".utf8))
            return []
        }
        var records = [BenchmarkRecord(name: "encoder.parameters", value: Double(encoder.parameters.scalarCount), unit: "count")]
        let directory = settings.dataDirectory ?? BenchmarkInputs().locateData()
        if let directory, let train = IntentBenchmark.labelledRows(directory + "/banking77/train.csv"),
           let test = IntentBenchmark.labelledRows(directory + "/banking77/test.csv") {
            let testRows = quick ? Array(test.prefix(400)) : test
            records += speed(encoder, texts: (train + test).map(\.text), test: testRows.map(\.text))
            records += fewShot(encoder, train: train, test: testRows)
        }
        records += demoDomain(encoder)
        if !quick, let directory, let airline = try? TrainingData.load(
            TrainingSources(sentimentData: directory + "/airline-sentiment/train.csv")) {
            records += sentiment(encoder, examples: airline.examples)
        }
        return records
    }

    /// WordPiece tokens/s, one-message embedding latency (1 and 2 BLAS threads) and batched throughput.
    func speed(_ encoder: SentenceEncoder, texts: [String], test: [String]) -> [BenchmarkRecord] {
        var records: [BenchmarkRecord] = []
        let corpus = quick ? Array(texts.prefix(2000)) : texts
        var tokens = 0
        let clock = ContinuousClock.now
        for _ in 0..<3 { for text in corpus { tokens += encoder.tokenizer.encode(text).ids.count } }
        let seconds = (ContinuousClock.now - clock).seconds
        records.append(BenchmarkRecord(name: "encoder.wordpiece.tokens_per_second", value: Double(tokens) / seconds, unit: "tokens/s"))
        records.append(BenchmarkRecord(name: "encoder.wordpiece.messages_per_second", value: Double(3 * corpus.count) / seconds,
                                       unit: "messages/s"))
        let previousThreads = BLAS.threadCount
        defer { BLAS.threadCount = previousThreads }
        let sample = Array(test.prefix(quick ? 50 : 500))
        for threads in [1, 2] {
            BLAS.threadCount = threads
            _ = try? encoder.embed(Array(sample.prefix(5)))
            var latencies: [Double] = [], cpu: [Double] = []
            for text in sample {
                let start = ContinuousClock.now, startCPU = Self.processCPUSeconds()
                _ = try? encoder.embed([text])
                latencies.append((ContinuousClock.now - start).seconds * 1000)
                cpu.append((Self.processCPUSeconds() - startCPU) * 1000)
            }
            let name = "encoder.embed.one_message.threads\(threads)"
            records += [
                BenchmarkRecord(name: name + ".p50", value: latencies.median, unit: "ms"),
                BenchmarkRecord(name: name + ".p99", value: latencies.percentile(99), unit: "ms"),
                // CPU time of the process (all threads): what a message costs when the machine is not shared.
                BenchmarkRecord(name: name + ".cpu.p50", value: cpu.median, unit: "ms"),
                BenchmarkRecord(name: name + ".cpu.p99", value: cpu.percentile(99), unit: "ms"),
            ]
        }
        BLAS.threadCount = 1
        let batchClock = ContinuousClock.now
        _ = try? encoder.embed(test)
        records.append(BenchmarkRecord(name: "encoder.embed.batch32.threads1.messages_per_second",
                                       value: Double(test.count) / (ContinuousClock.now - batchClock).seconds, unit: "messages/s"))
        return records
    }

    /// CPU seconds this process has used (user + system, all threads).
    static func processCPUSeconds() -> Double {
        var usage = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &usage)
        return Double(usage.tv_sec) + Double(usage.tv_nsec) / 1e9
    }

    /// Seed-fixed k examples per intent of `rows` (file order shuffled per intent), all for k = nil.
    static func sample(_ rows: [TrainingExample], perIntent k: Int?, seed: UInt64) -> [TrainingExample] {
        guard let k else { return rows }
        var byIntent: [String: [TrainingExample]] = [:]
        var order: [String] = []
        for row in rows {
            let intent = row.intent ?? ""
            if byIntent[intent] == nil { order.append(intent) }
            byIntent[intent, default: []].append(row)
        }
        var generator = SeededGenerator(seed: seed)
        return order.flatMap { intent in
            var group = byIntent[intent] ?? []
            group.shuffle(using: &generator)
            return group.prefix(k)
        }
    }

    /// Heads on frozen MiniLM vectors at 5/10/30 examples per intent and the full set, scored on `test`.
    func fewShot(_ encoder: SentenceEncoder, train: [TrainingExample], test: [TrainingExample]) -> [BenchmarkRecord] {
        BLAS.threadCount = 2
        let embedClock = ContinuousClock.now
        guard let trainVectors = try? encoder.embed(train.map(\.text)), let testVectors = try? encoder.embed(test.map(\.text)) else {
            return []
        }
        var records = [BenchmarkRecord(name: "encoder.banking77.embed_all.seconds", value: (ContinuousClock.now - embedClock).seconds, unit: "s")]
        var vectorByText: [String: [Float]] = [:]
        for (row, vector) in zip(train, trainVectors) { vectorByText[row.text] = vector }
        let runs: [(k: Int?, seeds: [UInt64])] = quick ? [(10, [1])] : [(5, [1, 2, 3]), (10, [1, 2, 3]), (30, [1, 2, 3]), (nil, [1])]
        for run in runs {
            let label = run.k.map { "\($0)shot" } ?? "full"
            for seed in run.seeds {
                let sample = Self.sample(train, perIntent: run.k, seed: seed)
                if let dump = settings.splitDumpDirectory {
                    let csv = "text,category\n" + sample.map {
                        "\"\($0.text.replacingOccurrences(of: "\"", with: "\"\""))\",\($0.intent ?? "")\n"
                    }.joined()
                    try? csv.write(toFile: "\(dump)/banking77-\(label)-seed\(seed).csv", atomically: true, encoding: .utf8)
                }
                let config = ChatModelConfig()
                let split = DatasetSplit(sample, validationFraction: config.validationFraction, seed: config.seed)
                let ordered = split.training + split.validation
                let clock = ContinuousClock.now
                guard let classifier = try? EncoderClassifierTrainer(config: config).train(
                    encoder: encoder, training: split.training, validation: split.validation,
                    vectors: ordered.map { vectorByText[$0.text] ?? [] }) else { continue }
                let trainSeconds = (ContinuousClock.now - clock).seconds
                let predictions = classifier.predict(test.map(\.text), vectors: testVectors, topK: 1)
                let right = zip(predictions, test).filter { $0.intent == $1.intent }.count
                let answered = zip(predictions, test).filter { $0.intent == $1.intent && !$0.isOutOfScope }.count
                let prefix = "encoder.banking77.\(label).seed\(seed)"
                records += [
                    BenchmarkRecord(name: prefix + ".examples", value: Double(sample.count), unit: "count"),
                    BenchmarkRecord(name: prefix + ".top1_accuracy", value: 100 * Double(right) / Double(test.count), unit: "%"),
                    BenchmarkRecord(name: prefix + ".accuracy_not_flagged", value: 100 * Double(answered) / Double(test.count), unit: "%"),
                    BenchmarkRecord(name: prefix + ".head_training_seconds", value: trainSeconds, unit: "s"),
                ]
            }
        }
        return records
    }

    /// The demo shop (`intents/` and its transcripts and sentiment data): the encoder head's
    /// accuracy on the same validation split `chatbot train` holds out.
    func demoDomain(_ encoder: SentenceEncoder) -> [BenchmarkRecord] {
        guard FileManager.default.fileExists(atPath: "intents"),
              let data = try? TrainingData.load(TrainingPipeline.demoSources()) else { return [] }
        let config = ChatModelConfig()
        let split = DatasetSplit(data.examples, validationFraction: config.validationFraction, seed: config.seed)
        let clock = ContinuousClock.now
        guard let classifier = try? EncoderClassifierTrainer(config: config).train(
            encoder: encoder, training: split.training, validation: split.validation) else { return [] }
        return [
            BenchmarkRecord(name: "encoder.demo.validation_accuracy",
                            value: 100 * (classifier.metrics["encoder_validation_accuracy"] ?? .nan), unit: "%"),
            BenchmarkRecord(name: "encoder.demo.training_seconds", value: (ContinuousClock.now - clock).seconds, unit: "s"),
        ]
    }

    /// Airline sentiment, 5 stratified folds (seed 20261124): the encoder's sentiment head alone.
    func sentiment(_ encoder: SentenceEncoder, examples: [TrainingExample]) -> [BenchmarkRecord] {
        BLAS.threadCount = 2
        guard let vectors = try? encoder.embed(examples.map(\.text)) else { return [] }
        var vectorByText: [String: [Float]] = [:]
        for (row, vector) in zip(examples, vectors) { vectorByText[row.text] = vector }
        // Stratified folds: each label's rows shuffled, dealt round-robin.
        var generator = SeededGenerator(seed: 20_261_124)
        var fold = [Int](repeating: 0, count: examples.count)
        for label in SentimentLabel.allCases {
            var rows = examples.indices.filter { examples[$0].sentiment == label }
            rows.shuffle(using: &generator)
            for (position, row) in rows.enumerated() { fold[row] = position % 5 }
        }
        var records: [BenchmarkRecord] = []
        var accuracies: [Double] = []
        for k in 0..<5 {
            let trainRows = examples.indices.filter { fold[$0] != k }.map { examples[$0] }
            let testRows = examples.indices.filter { fold[$0] == k }.map { examples[$0] }
            let config = ChatModelConfig()
            let split = DatasetSplit(trainRows, validationFraction: config.validationFraction, seed: config.seed)
            guard let classifier = try? EncoderClassifierTrainer(config: config).train(
                encoder: encoder, training: split.training, validation: split.validation,
                vectors: (split.training + split.validation).map { vectorByText[$0.text] ?? [] }) else { continue }
            let predictions = classifier.predict(testRows.map(\.text), vectors: testRows.map { vectorByText[$0.text] ?? [] }, topK: 1)
            let right = zip(predictions, testRows).filter { $0.sentiment == $1.sentiment }.count
            let accuracy = 100 * Double(right) / Double(testRows.count)
            accuracies.append(accuracy)
            records.append(BenchmarkRecord(name: "encoder.airline.fold\(k).head_accuracy", value: accuracy, unit: "%"))
        }
        records.append(BenchmarkRecord(name: "encoder.airline.head_accuracy.mean",
                                       value: accuracies.reduce(0, +) / Double(max(1, accuracies.count)), unit: "%"))
        return records
    }
}
