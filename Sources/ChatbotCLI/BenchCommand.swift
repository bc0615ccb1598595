// `chatbot bench`: runs the benchmark suites and prints one JSON line per figure.
import ArgumentParser
import Benchmarking
import Foundation
import ModelLifecycle

/// Prints benchmark figures as JSON lines.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure speed; prints one JSON line {\"name\",\"value\",\"unit\"} per figure.")

    @Option(name: .long, parsing: .upToNextOption,
            help: "Suites to run; all but intents and finetune (Banking77 training, 20+ minutes each), tickets, replies, quantize and serve (need a trained model), encoder and clustering by default.")
    var suite: [BenchmarkSuite] = BenchmarkSuite.defaultSuites

    @Flag(name: .long, help: "Fewer sizes and shorter runs, for a smoke test.")
    var quick = false

    @Option(name: .customLong("data-dir"), help: ArgumentHelp(
        "tokenizer, intents, finetune, encoder: the shared data folder (default: ../shared/data, else shared/data).", valueName: "DIR"))
    var dataDirectory: String?

    @Option(name: .long, help: ArgumentHelp("chat, dialogue: the intents folder.", valueName: "DIR"))
    var intents = "intents"

    @Option(name: .long, help: ArgumentHelp(
        "dialogue, tickets, quantize: the model folder (default: the active version in models/).", valueName: "DIR"))
    var model: String?

    @Option(name: .long, help: ArgumentHelp("dialogue: the transcripts folder.", valueName: "DIR"))
    var transcripts = "conversations"

    @Option(name: .long, help: ArgumentHelp(
        "intents: the Banking77 variants to train, comma-separated (transformer+sparse, transformer, lstm+sparse, lstm; none for the demo domain alone).",
        valueName: "LIST"))
    var variants: String?

    @Option(name: .customLong("config-json"), help: ArgumentHelp(
        "intents, finetune: model settings over the defaults, as JSON (config.json keys, e.g. {\"training_threads\":1}).",
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

    @Option(name: .customLong("mbox-megabytes"), help: ArgumentHelp(
        "mail: size of the synthetic mbox to read (default 256, 4 with --quick).", valueName: "MB"))
    var mboxMegabytes: Int?

    @Option(name: .customLong("tickets-data"), help: ArgumentHelp(
        "tickets: a labelled CSV answered as tickets (default ../shared/data/banking77/test.csv).", valueName: "F.csv"))
    var ticketsData: String?

    @Option(name: .customLong("tickets-jobs"), help: ArgumentHelp("tickets: the --jobs values to measure, comma-separated.",
                                                                 valueName: "LIST"))
    var ticketsJobs = "1,2"

    @Option(name: .customLong("tickets-database-url"), help: ArgumentHelp(
        "tickets: PostgreSQL for the queue run (default: a temporary SQLite file).", valueName: "URL"))
    var ticketsDatabaseURL: String?

    @Option(name: .customLong("work-dir"), help: ArgumentHelp(
        "finetune: where its models and transcripts are written (default: a new temporary folder).", valueName: "DIR"))
    var workDirectory: String?

    @Option(name: .customLong("finetune-epochs"), help: "finetune: fine-tuning epochs (default 4).")
    var fineTuneEpochs: Int?

    @Option(name: .customLong("replay-ratio"), help: "finetune: replayed old examples per new one (default 3).")
    var replayRatio: Double?

    @Option(name: .customLong("learning-rate-scale"), help: "finetune: the fine-tuning learning rate as a share of the base's (default 0.5).")
    var learningRateScale: Float?

    @Option(name: .customLong("clustering-data"), help: ArgumentHelp(
        "clustering: a labelled CSV or JSON Lines file (text and intent/category/label; default Banking77's test.csv).",
        valueName: "FILE"))
    var clusteringData: String?

    @Option(name: .customLong("clustering-intents"), help: ArgumentHelp(
        "clustering: cluster only the messages of the first N intents (by name).", valueName: "N"))
    var clusteringIntents: Int?

    @Option(name: .customLong("replies-train"), help: ArgumentHelp(
        "replies: the labelled file with replies the model learnt from (its replies are the templates).", valueName: "FILE"))
    var repliesTrain: String?

    @Option(name: .customLong("replies-test"), help: ArgumentHelp(
        "replies: the held-out CSV (id, intent, text, reply) answered as tickets.", valueName: "FILE"))
    var repliesTest: String?

    @Option(name: .customLong("replies-answers"), help: ArgumentHelp(
        "replies: where to write the answers (JSON Lines, as chatbot answer writes them).", valueName: "FILE"))
    var repliesAnswers: String?

    @Option(name: .customLong("replies-no-repeat-ngram"), help: ArgumentHelp(
        "replies: never repeat an n-gram of N tokens in a reply (0: off; default the chat's).", valueName: "N"))
    var repliesNoRepeatNGram: Int?

    @Option(name: .customLong("replies-repetition-penalty"), help: ArgumentHelp(
        "replies: CTRL repetition penalty on the reply's used tokens (1: off, the default).", valueName: "X"))
    var repliesRepetitionPenalty: Float?

    @Option(name: .customLong("replies-temperature"), help: ArgumentHelp(
        "replies: sampling temperature (0: greedy, the default).", valueName: "T"))
    var repliesTemperature: Float?

    @Option(name: .customLong("replies-top-p"), help: ArgumentHelp(
        "replies: nucleus sampling's probability mass (1: off, the default).", valueName: "P"))
    var repliesTopP: Float?


    @Option(name: .long, help: ArgumentHelp(
        "encoder: the encoder folder (default .chatbot/encoders/all-MiniLM-L6-v2; scripts/get-encoder).", valueName: "DIR"))
    var encoder: String?

    @Option(name: .customLong("serve-database-url"), help: ArgumentHelp(
        "serve: PostgreSQL for the second half of the figures (default: SQLite only).", valueName: "URL"))
    var serveDatabaseURL: String?

    @Option(name: .customLong("serve-conversations"), help: ArgumentHelp(
        "serve: the concurrent conversations to measure, comma-separated.", valueName: "N,N"))
    var serveConversations = "1,16,64"

    @Option(name: .customLong("serve-seconds"), help: "serve: seconds of load per point.")
    var serveSeconds = 10.0

    @Option(name: .customLong("serve-think-seconds"), help: ArgumentHelp(
        "serve: a customer's pause between an answer and their next message (0: none, a closed loop).", valueName: "S"))
    var serveThinkSeconds = 0.0

    @Option(name: .long, help: ArgumentHelp(
        "training, inference: model sizes as WIDTHxLAYERS, comma-separated (default 128x2,256x4).", valueName: "LIST"))
    var shapes: String?

    @Option(name: .customLong("training-threads"), help: "training: OpenBLAS threads (default 2).")
    var trainingThreads: Int?

    @Option(name: .customLong("inference-threads"), help: "inference: OpenBLAS threads (default 1).")
    var inferenceThreads: Int?

    func validate() throws {
        if let shapes, shapes.split(separator: ",").contains(where: { NetworkBenchmarkSettings.Shape($0) == nil }) {
            throw ValidationError("--shapes wants WIDTHxLAYERS items with a width divisible by 4, e.g. 128x2,256x4; got \(shapes).")
        }
        for (flag, threads) in [("--training-threads", trainingThreads), ("--inference-threads", inferenceThreads)] {
            if let threads, threads < 1 { throw ValidationError("\(flag) must be at least 1 (got \(threads)).") }
        }
        if let clusteringIntents, clusteringIntents < 2 { throw ValidationError("--clustering-intents must be at least 2.") }
        if dumpSplit != nil && !validationSplit && !suite.contains(.encoder) {
            throw ValidationError("--dump-split needs --validation-split (or --suite encoder).")
        }
        if let mboxMegabytes, mboxMegabytes < 1 { throw ValidationError("--mbox-megabytes must be at least 1.") }
    }

    func run() throws {
        var settings = BenchmarkSettings()
        settings.inputs.dataDirectory = dataDirectory
        settings.inputs.intentsDirectory = URL(fileURLWithPath: intents)
        settings.inputs.modelDirectory = model.map { URL(fileURLWithPath: $0) }
        settings.inputs.transcriptsDirectory = URL(fileURLWithPath: transcripts)
        settings.intents.includeDemoDomain = !noDemo
        settings.intents.variants = variants.map { $0.split(separator: ",").map(String.init) }
        settings.intents.configJSON = configJSON
        settings.intents.scoreOnValidationSplit = validationSplit
        settings.intents.splitDumpDirectory = dumpSplit
        settings.intents.encoderDirectory = encoder
        settings.mboxMegabytes = mboxMegabytes
        settings.tickets.dataFile = ticketsData
        settings.tickets.jobs = ticketsJobs.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
        settings.tickets.databaseURL = ticketsDatabaseURL
        settings.fineTune.workDirectory = workDirectory
        settings.fineTune.configJSON = configJSON
        if let fineTuneEpochs { settings.fineTune.fineTune.epochs = fineTuneEpochs }
        if let replayRatio { settings.fineTune.fineTune.replayRatio = replayRatio }
        if let learningRateScale { settings.fineTune.fineTune.learningRateScale = learningRateScale }
        settings.clustering.dataFile = clusteringData
        settings.clustering.intentCount = clusteringIntents
        settings.replies.trainFile = repliesTrain
        settings.replies.testFile = repliesTest
        settings.replies.answersFile = repliesAnswers
        settings.replies.noRepeatNGramSize = repliesNoRepeatNGram
        settings.replies.repetitionPenalty = repliesRepetitionPenalty
        settings.replies.temperature = repliesTemperature
        settings.replies.topP = repliesTopP
        settings.serve.databaseURL = serveDatabaseURL
        settings.serve.concurrency = serveConversations.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
        settings.serve.seconds = max(0.1, serveSeconds)
        settings.serve.thinkSeconds = max(0, serveThinkSeconds)
        if let shapes { settings.network.shapes = shapes.split(separator: ",").compactMap(NetworkBenchmarkSettings.Shape.init) }
        if let trainingThreads { settings.network.trainingThreads = trainingThreads }
        if let inferenceThreads { settings.network.inferenceThreads = inferenceThreads }
        for selected in suite {
            for record in selected.run(quick: quick, settings: settings) {
                print(record.jsonLine)
            }
        }
    }
}

extension BenchmarkSuite: ExpressibleByArgument {}
