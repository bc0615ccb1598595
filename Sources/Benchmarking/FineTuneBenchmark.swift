// The `finetune` suite (issue 14): on Banking77 (../shared/data, never copied into the
// repository), a base model trained on 60 of the 77 intents is fine-tuned on transcripts made
// from the other 17 intents' training messages (plus replay), against retraining from scratch on
// everything, in the same run: test accuracy (also on the old intents' messages) and wall and
// processor time of each, their ratios, the gate's figures, and the time to fine-tune on 1,000
// new conversations. Model folders and transcripts go to the work folder.
import FileFormats
import Foundation
import LanguageModeling
import ModelLifecycle
import Primitives
import TensorCore

/// The `chatbot bench --suite finetune` settings (its flags).
public struct FineTuneBenchmarkSettings: Sendable {
    /// The folder holding `banking77/` (default: found like the other suites' data).
    public var dataDirectory: String?
    /// Where models and transcripts are written (default: a new temporary folder).
    public var workDirectory: String?
    /// Model settings over the defaults, as JSON (config.json keys), for every model trained.
    public var configJSON: String?
    /// How many intents the base does not see (default 17).
    public var newIntentCount = 17
    /// The fine-tuning settings (epochs, learning rate, replay ratio).
    public var fineTune = FineTuneSettings()
    /// New conversations of the timing run (default 1,000).
    public var conversations = 1_000

    /// The defaults.
    public init() {}
}

/// Fine-tuning against retraining from scratch on Banking77.
public struct FineTuneBenchmark: Sendable {
    /// Fewer epochs, for a smoke test.
    public var quick: Bool
    /// The flags.
    public var settings: FineTuneBenchmarkSettings

    /// A benchmark, shortened when `quick`.
    public init(quick: Bool, settings: FineTuneBenchmarkSettings = FineTuneBenchmarkSettings()) {
        self.quick = quick
        self.settings = settings
    }

    /// Runs the measurements (none when Banking77 is not found).
    public func run() -> [BenchmarkRecord] {
        guard let directory = settings.dataDirectory ?? BenchmarkInputs().locateData(),
              let train = IntentBenchmark.labelledRows(directory + "/banking77/train.csv"),
              let test = IntentBenchmark.labelledRows(directory + "/banking77/test.csv")
        else { return [] }
        let work = URL(fileURLWithPath: settings.workDirectory
                       ?? FileManager.default.temporaryDirectory.appendingPathComponent("finetune-bench-\(UUID().uuidString)").path)
        do {
            return try measure(train: train, test: test, work: work)
        } catch {
            FileHandle.standardError.write(Data("finetune: \(error)\n".utf8))
            return []
        }
    }

    private func measure(train: [TrainingExample], test: [TrainingExample], work: URL) throws -> [BenchmarkRecord] {
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        var intentSettings = IntentBenchmarkSettings()
        intentSettings.configJSON = settings.configJSON
        var config = IntentBenchmark(quick: quick, settings: intentSettings).baseConfig()
        if quick { config.epochs = min(config.epochs, 3) }
        var generator = SeededGenerator(seed: 2026)
        let intents = Set(train.compactMap(\.intent)).sorted().shuffled(using: &generator)
        let newIntents = Set(intents.prefix(min(settings.newIntentCount, max(0, intents.count - 1))))
        let old = train.filter { !newIntents.contains($0.intent ?? "") }
        let new = train.filter { newIntents.contains($0.intent ?? "") }

        // Wall time and processor time of each run (the second is what a shared machine distorts least).
        let (full, fullCPU) = try ProcessorTime.measuring { try timedTraining(train, config: config, name: "full", work: work) }
        let (base, baseCPU) = try ProcessorTime.measuring { try timedTraining(old, config: config, name: "base", work: work) }
        let transcripts = try writeTranscripts(new, to: work.appendingPathComponent("new-intents.jsonl"))
        let (tuned, tunedCPU) = try ProcessorTime.measuring {
            try timedFineTuning(base: base.directory, transcripts: transcripts, output: work.appendingPathComponent("finetuned"))
        }
        let sample = Array(new.shuffled(using: &generator).prefix(settings.conversations))
        let sampleTranscripts = try writeTranscripts(sample, to: work.appendingPathComponent("conversations.jsonl"))
        let (thousand, thousandCPU) = try ProcessorTime.measuring {
            try timedFineTuning(base: base.directory, transcripts: sampleTranscripts, output: work.appendingPathComponent("finetuned-sample"))
        }

        let prefix = "finetune.banking77"
        // Top-1 accuracy, accuracy as users see it (`chatbot evaluate`: an out-of-scope flag on
        // this closed set counts as wrong), and top-1 on the old intents' test messages (what
        // adding the new intents costs them, in the retrained model as in the fine-tuned one).
        let accuracy = { (directory: URL) throws -> (top1: Double, seen: Double, old: Double) in
            let model = try ChatModel.load(from: directory)
            BLAS.threadCount = 1
            let predictions = try model.predict(test.map(\.text), topK: 1)
            let truth = test.map { $0.intent ?? "" }
            let seen = zip(predictions, truth).filter { !$0.isOutOfScope && $0.intent == $1 }.count
            let oldRows = truth.indices.filter { !newIntents.contains(truth[$0]) }
            let oldRight = oldRows.filter { predictions[$0].intent == truth[$0] }.count
            return (IntentBenchmark.scores(predicted: predictions.map(\.intent), truth: truth).0 * 100,
                    Double(seen) / Double(max(1, truth.count)) * 100, Double(oldRight) / Double(max(1, oldRows.count)) * 100)
        }
        let fullAccuracy = try accuracy(full.directory), tunedAccuracy = try accuracy(tuned.outcome.directory)
        let baseAccuracy = try accuracy(base.directory)
        let threads = Double(config.trainingThreads)
        return [
            BenchmarkRecord(name: "\(prefix).full_retrain.accuracy", value: fullAccuracy.top1, unit: "%"),
            BenchmarkRecord(name: "\(prefix).full_retrain.accuracy_not_flagged", value: fullAccuracy.seen, unit: "%"),
            BenchmarkRecord(name: "\(prefix).full_retrain.old_intents_accuracy", value: fullAccuracy.old, unit: "%"),
            BenchmarkRecord(name: "\(prefix).full_retrain.seconds", value: full.seconds, unit: "s"),
            BenchmarkRecord(name: "\(prefix).full_retrain.cpu_seconds", value: fullCPU, unit: "s"),
            BenchmarkRecord(name: "\(prefix).base_\(intents.count - newIntents.count).accuracy", value: baseAccuracy.top1, unit: "%"),
            BenchmarkRecord(name: "\(prefix).base_\(intents.count - newIntents.count).old_intents_accuracy", value: baseAccuracy.old, unit: "%"),
            BenchmarkRecord(name: "\(prefix).base_\(intents.count - newIntents.count).seconds", value: base.seconds, unit: "s"),
            BenchmarkRecord(name: "\(prefix).base_\(intents.count - newIntents.count).cpu_seconds", value: baseCPU, unit: "s"),
            BenchmarkRecord(name: "\(prefix).finetuned.accuracy", value: tunedAccuracy.top1, unit: "%"),
            BenchmarkRecord(name: "\(prefix).finetuned.accuracy_not_flagged", value: tunedAccuracy.seen, unit: "%"),
            BenchmarkRecord(name: "\(prefix).finetuned.old_intents_accuracy", value: tunedAccuracy.old, unit: "%"),
            BenchmarkRecord(name: "\(prefix).finetuned.seconds", value: tuned.seconds, unit: "s"),
            BenchmarkRecord(name: "\(prefix).finetuned.cpu_seconds", value: tunedCPU, unit: "s"),
            BenchmarkRecord(name: "\(prefix).finetuned.gate_passed", value: tuned.outcome.verdict.passed ? 1 : 0, unit: "bool"),
        ] + gateRecords(tuned.outcome.verdict, prefix: "\(prefix).finetuned.gate") + [
            BenchmarkRecord(name: "\(prefix).finetuned.examples", value: Double(tuned.outcome.data.training.count + tuned.outcome.replayed), unit: "count"),
            BenchmarkRecord(name: "\(prefix).accuracy_gap", value: fullAccuracy.top1 - tunedAccuracy.top1, unit: "points"),
            BenchmarkRecord(name: "\(prefix).accuracy_not_flagged_gap", value: fullAccuracy.seen - tunedAccuracy.seen, unit: "points"),
            BenchmarkRecord(name: "\(prefix).time_ratio", value: tuned.seconds / max(full.seconds, 1e-9), unit: "ratio"),
            BenchmarkRecord(name: "\(prefix).cpu_time_ratio", value: tunedCPU / max(fullCPU, 1e-9), unit: "ratio"),
            BenchmarkRecord(name: "\(prefix).finetune_\(sample.count)_conversations.seconds", value: thousand.seconds, unit: "s"),
            BenchmarkRecord(name: "\(prefix).finetune_\(sample.count)_conversations.cpu_seconds", value: thousandCPU, unit: "s"),
            BenchmarkRecord(name: "\(prefix).training_threads", value: threads, unit: "threads"),
        ]
    }

    /// The gate's four accuracies (base and candidate on the old held-out data and on the new
    /// slice) and the share of old held-out examples the base read right and the candidate reads
    /// as a new intent.
    private func gateRecords(_ verdict: RegressionGate.Verdict, prefix: String) -> [BenchmarkRecord] {
        [("old_base", verdict.oldBase), ("old_candidate", verdict.oldCandidate),
         ("new_base", verdict.newBase), ("new_candidate", verdict.newCandidate)].compactMap { name, score in
            score.accuracy.map { BenchmarkRecord(name: "\(prefix).\(name).accuracy", value: $0 * 100, unit: "%") }
        } + [BenchmarkRecord(name: "\(prefix).old_taken_by_new", value: Double(verdict.oldTakenByNew) / Double(max(1, verdict.oldBase.total)) * 100,
                             unit: "points")]
    }

    /// Trains from scratch through the product's pipeline (so the folder records its data).
    private func timedTraining(_ examples: [TrainingExample], config: ChatModelConfig, name: String,
                               work: URL) throws -> (directory: URL, seconds: Double) {
        let csv = work.appendingPathComponent("\(name).csv")
        try Data(CSVWriter.table(header: ["text", "intent"], rows: examples.map { [$0.text, $0.intent ?? ""] }).utf8).write(to: csv)
        let directory = work.appendingPathComponent(name)
        let pipeline = TrainingPipeline(sources: TrainingSources(labelledData: csv.path), config: config, output: directory)
        let seconds = try Stopwatch.seconds { () throws(TrainingPipelineError) in _ = try pipeline.run(progress: EpochLog(name: name)) }
        return (directory, seconds)
    }

    private func timedFineTuning(base: URL, transcripts: String, output: URL) throws -> (outcome: FineTuning.Outcome, seconds: Double) {
        let fineTuning = FineTuning(base: base, baseName: nil, sources: FineTuneSources(transcripts: [transcripts]),
                                    settings: settings.fineTune, output: output)
        var outcome: FineTuning.Outcome?
        let seconds = try Stopwatch.seconds { () throws(TrainingPipelineError) in
            outcome = try fineTuning.run(progress: EpochLog(name: output.lastPathComponent))
        }
        guard let outcome else { throw TrainingPipelineError.trainingFailed("no outcome") }
        return (outcome, seconds)
    }

    /// One single-turn transcript per labelled message (Banking77 has no replies).
    private func writeTranscripts(_ examples: [TrainingExample], to url: URL) throws -> String {
        var text = ""
        for (index, example) in examples.enumerated() {
            text += "{\"id\": \"b77-\(index)\", \"channel\": \"chat\", \"started\": \"2026-03-02T08:11:00Z\", \"turns\": "
                + "[{\"role\": \"customer\", \"text\": \(JSONString.quoted(example.text)), \"intent\": \(JSONString.quoted(example.intent ?? ""))}]}\n"
        }
        try Data(text.utf8).write(to: url)
        return url.path
    }
}

/// Prints one line per epoch to standard error.
private struct EpochLog: TrainingProgressReporting {
    let name: String
    func update(_ progress: TrainingProgress) { IntentBenchmark.epochLogger("finetune." + name)(progress) }
    func finish() {}
}
