// `chatbot bench`: runs the benchmark suites and prints one JSON line per figure.
import ArgumentParser
import Benchmarking
import Foundation

/// Prints benchmark figures as JSON lines.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure speed; prints one JSON line {\"name\",\"value\",\"unit\"} per figure.")

    @Option(name: .long, parsing: .upToNextOption,
            help: "Suites to run; all but intents (Banking77 training, 20+ minutes) and encoder by default.")
    var suite: [BenchmarkSuite] = BenchmarkSuite.defaultSuites

    @Flag(name: .long, help: "Fewer sizes and shorter runs, for a smoke test.")
    var quick = false

    @Option(name: .customLong("data-dir"), help: ArgumentHelp(
        "tokenizer, intents, encoder: the shared data folder (default: ../shared/data, else shared/data).", valueName: "DIR"))
    var dataDirectory: String?

    @Option(name: .long, help: ArgumentHelp("chat, dialogue: the intents folder.", valueName: "DIR"))
    var intents = "intents"

    @Option(name: .long, help: ArgumentHelp(
        "dialogue: the model folder (default: the active version in models/).", valueName: "DIR"))
    var model: String?

    @Option(name: .long, help: ArgumentHelp("dialogue: the transcripts folder.", valueName: "DIR"))
    var transcripts = "conversations"

    @Option(name: .long, help: ArgumentHelp(
        "intents: the Banking77 variants to train, comma-separated (transformer+sparse, transformer, lstm+sparse, lstm; none for the demo domain alone).",
        valueName: "LIST"))
    var variants: String?

    @Option(name: .customLong("config-json"), help: ArgumentHelp(
        "intents: model settings over the defaults, as JSON (config.json keys, e.g. {\"training_threads\":1}).",
        valueName: "JSON"))
    var configJSON: String?

    @Flag(name: .customLong("no-demo"), help: "intents: skip the demo domain (intents/).")
    var noDemo = false

    @Flag(name: .customLong("validation-split"), help: "intents: score on a 10 % split of Banking77's train.csv, not test.csv.")
    var validationSplit = false

    @Option(name: .customLong("dump-split"), help: ArgumentHelp(
        "intents, with --validation-split: write that split's train.csv and validation.csv to DIR; encoder: the few-shot samples.",
        valueName: "DIR"))
    var dumpSplit: String?

    @Option(name: .long, help: ArgumentHelp(
        "encoder: the encoder folder (default .chatbot/encoders/all-MiniLM-L6-v2; scripts/get-encoder).", valueName: "DIR"))
    var encoder: String?

    func validate() throws {
        if dumpSplit != nil && !validationSplit && !suite.contains(.encoder) {
            throw ValidationError("--dump-split needs --validation-split (or --suite encoder).")
        }
    }

    func run() throws {
        var settings = IntentBenchmarkSettings()
        settings.includeDemoDomain = !noDemo
        settings.variants = variants.map { $0.split(separator: ",").map(String.init) }
        settings.configJSON = configJSON
        settings.scoreOnValidationSplit = validationSplit
        settings.splitDumpDirectory = dumpSplit
        settings.encoderDirectory = encoder
        var inputs = BenchmarkInputs()
        inputs.dataDirectory = dataDirectory
        inputs.intentsDirectory = URL(fileURLWithPath: intents)
        inputs.modelDirectory = model.map { URL(fileURLWithPath: $0) }
        inputs.transcriptsDirectory = URL(fileURLWithPath: transcripts)
        for selected in suite {
            for record in selected.run(quick: quick, inputs: inputs, intentSettings: settings) {
                print(record.jsonLine)
            }
        }
    }
}

extension BenchmarkSuite: ExpressibleByArgument {}
