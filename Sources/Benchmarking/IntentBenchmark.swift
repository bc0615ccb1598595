// The `intents` suite: trains ChatModels on Banking77 (../shared/data/banking77, never copied
// into the repository) for both trunks with and without sparse features, and reports test
// accuracy, macro-F1, training wall time and one-utterance latency; plus the demo domain's
// training time. `IntentBenchmarkSettings` (the `chatbot bench` flags) pick the variants,
// override config fields, skip the demo domain or score on a validation split of train.
import FileFormats
import Foundation
import LanguageModeling
import ModelLifecycle
import Primitives
import TensorCore

/// Banking77 and demo-domain measurements of the chat model.
public struct IntentBenchmark: Sendable {
    /// Fewer epochs and only the default variant.
    public var quick: Bool
    /// Variants, config overrides, demo domain, validation split.
    public var settings: IntentBenchmarkSettings

    /// A benchmark, shortened when `quick`.
    public init(quick: Bool, settings: IntentBenchmarkSettings = IntentBenchmarkSettings()) {
        self.quick = quick
        self.settings = settings
    }

    /// Runs every available measurement.
    public func run() -> [BenchmarkRecord] {
        var records = settings.includeDemoDomain ? demoDomain() : []
        records += banking77()
        return records
    }

    /// The variants measured: trunk and sparse features on/off.
    var variants: [(name: String, architecture: ChatModelConfig.Architecture, sparse: Bool)] {
        let all: [(String, ChatModelConfig.Architecture, Bool)] = [
            ("transformer+sparse", .transformer, true), ("transformer", .transformer, false),
            ("lstm+sparse", .lstm, true), ("lstm", .lstm, false),
        ]
        if let chosen = settings.variants {
            let names = Set(chosen)
            return all.filter { names.contains($0.0) }
        }
        return quick ? [all[0]] : all
    }

    /// The default config with the fields of `settings.configJSON` applied.
    func baseConfig() -> ChatModelConfig {
        let base = ChatModelConfig()
        guard let override = settings.configJSON,
              let baseData = try? JSONEncoder().encode(base),
              let fields = (try? JSONSerialization.jsonObject(with: baseData)) as? [String: Any],
              let extra = (try? JSONSerialization.jsonObject(with: Data(override.utf8))) as? [String: Any],
              let merged = try? JSONSerialization.data(withJSONObject: fields.merging(extra) { $1 }),
              let config = try? JSONDecoder().decode(ChatModelConfig.self, from: merged)
        else { return base }
        return config
    }

    func banking77() -> [BenchmarkRecord] {
        guard let directory = settings.dataDirectory ?? BenchmarkInputs().locateData(),
              let train = Self.labelledRows(directory + "/banking77/train.csv"),
              let test = Self.labelledRows(directory + "/banking77/test.csv")
        else { return [] }
        var training = train, evaluation = test, prefix = "intents.banking77"
        if settings.scoreOnValidationSplit {
            let split = DatasetSplit(train, validationFraction: 0.1, seed: 2024)
            (training, evaluation, prefix) = (split.training, split.validation, "intents.banking77-validation")
            if let dump = settings.splitDumpDirectory {
                // For running the Python peer on the same split (files outside the repository).
                for (file, rows) in [("train.csv", training), ("validation.csv", evaluation)] {
                    let csv = "text,category\n" + rows.map { "\"\($0.text.replacingOccurrences(of: "\"", with: "\"\""))\",\($0.intent ?? "")\n" }.joined()
                    try? csv.write(toFile: dump + "/" + file, atomically: true, encoding: .utf8)
                }
            }
        }
        var records: [BenchmarkRecord] = []
        for variant in variants {
            var config = baseConfig()
            config.architecture = variant.architecture
            config.sparseFeatures = variant.sparse
            if quick { config.epochs = min(config.epochs, 3) }
            records += measure(config: config, name: "\(prefix).\(variant.name)", training: training, evaluation: evaluation)
        }
        return records
    }

    func measure(config: ChatModelConfig, name: String, training: [TrainingExample],
                 evaluation: [TrainingExample]) -> [BenchmarkRecord] {
        let start = Date()
        let trained: (model: ChatModel, report: TrainingReport)
        do {
            trained = try ChatModelTrainer(config: config).train(training, progress: Self.epochLogger(name))
        } catch {
            FileHandle.standardError.write(Data("\(name): \(error)\n".utf8))
            return []
        }
        let seconds = Date().timeIntervalSince(start)
        let model = trained.model
        BLAS.threadCount = 1
        guard let predictions = try? model.predict(evaluation.map(\.text)) else { return [] }
        let truth = evaluation.map { $0.intent ?? "" }
        let (accuracy, macroF1) = Self.scores(predicted: predictions.map(\.intent), truth: truth)
        var expertRecords: [BenchmarkRecord] = []
        for expert in config.sparseFeatures ? ["dense", "sparse"] : [] {
            guard let logits = try? model.logits(for: evaluation.map(\.text), expert: expert) else { continue }
            let predicted = logits.map { row in
                model.labels.intents[row.intent.indices.max { row.intent[$0] < row.intent[$1] } ?? 0]
            }
            let (expertAccuracy, expertF1) = Self.scores(predicted: predicted, truth: truth)
            expertRecords.append(BenchmarkRecord(name: name + ".\(expert)_only.accuracy", value: expertAccuracy * 100, unit: "%"))
            expertRecords.append(BenchmarkRecord(name: name + ".\(expert)_only.macro_f1", value: expertF1 * 100, unit: "%"))
        }
        let latencies = evaluation.prefix(quick ? 50 : 300).map { example in
            Stopwatch.seconds { _ = try? model.predict(example.text) } * 1000
        }
        return [
            BenchmarkRecord(name: name + ".accuracy", value: accuracy * 100, unit: "%"),
            BenchmarkRecord(name: name + ".macro_f1", value: macroF1 * 100, unit: "%"),
            // What `chatbot evaluate` counts wrong on top: in-scope messages flagged out of scope.
            BenchmarkRecord(name: name + ".flagged_out_of_scope",
                            value: 100 * Double(predictions.filter(\.isOutOfScope).count) / Double(max(1, predictions.count)), unit: "%"),
            BenchmarkRecord(name: name + ".train_seconds", value: seconds, unit: "s"),
            BenchmarkRecord(name: name + ".epochs", value: Double(trained.report.epochsRun), unit: "epochs"),
            BenchmarkRecord(name: name + ".parameters", value: Double(trained.report.parameterCount), unit: "count"),
            BenchmarkRecord(name: name + ".latency_p50.threads1", value: latencies.percentile(50), unit: "ms"),
            BenchmarkRecord(name: name + ".latency_p99.threads1", value: latencies.percentile(99), unit: "ms"),
        ] + expertRecords
    }

    /// A progress callback that prints one line per epoch to standard error.
    static func epochLogger(_ name: String) -> (TrainingProgress) -> Void {
        { progress in
            guard progress.isEpochEnd else { return }
            FileHandle.standardError.write(Data(String(
                format: "%@ epoch %d loss %.4f val %.4f %.0f tok/s %.0fs\n", name, progress.epoch, progress.loss,
                progress.validationAccuracy ?? -1, progress.tokensPerSecond, progress.elapsedSeconds).utf8))
        }
    }

    /// Accuracy and macro-F1 (mean over the true classes of per-class F1), as `chatbot evaluate` computes them.
    static func scores(predicted: [String], truth: [String]) -> (Double, Double) {
        let rows = zip(predicted, truth).map { EvaluationRow(gold: $1, predicted: $0, confidence: 1, isOutOfScope: false) }
        let metrics = EvaluationMetrics(rows: rows)
        return (metrics.accuracy, metrics.macroF1)
    }

    /// `text` + label rows of a CSV file, or nil if it is missing or malformed.
    static func labelledRows(_ path: String) -> [TrainingExample]? {
        guard let rows = try? LabelledDataReader.read(contentsOf: URL(fileURLWithPath: path)) else { return nil }
        return rows.map { TrainingExample(text: $0.text, intent: $0.label) }
    }
}
