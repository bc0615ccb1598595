// `chatbot train`: builds a model from the intents folder, labelled CSV/JSONL, transcripts and
// sentiment data, with a progress bar, then prints a summary table. Without --out the model
// becomes a new version in models/ and the active one.
import ArgumentParser
import Foundation
import LanguageModeling
import ModelLifecycle

/// Trains a chat model.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the model on intents, labelled data, transcripts and sentiment data.",
        discussion: """
            With neither --intents nor --data it trains on intents/ (and conversations/ and \
            sentiment/customer-messages.csv if present); --data alone (a labelled CSV or JSONL, \
            no replies) is enough for an intent model. Without --out the model is saved as a new \
            version models/<time>-<arch>/ (a row of the store's model_versions table) and becomes \
            the active one (models/ACTIVE). Malformed \
            files are reported as file:line.

            --sentiment-data trains the sentiment head on a text,sentiment CSV (in place of the \
            demo one). When the held-out 10 % has at least 30 of its messages, of two classes or \
            more, a small combiner that joins the head with the lexicon is fitted on them and \
            saved beside the weights; otherwise the two are averaged. With --sentiment-only the \
            model learns sentiment alone (for `chatbot sentiment --model`; it cannot chat, so it \
            needs --out and is not made active).

            --encoder DIR adds a pretrained BERT-family sentence encoder (all-MiniLM-L6-v2 from \
            scripts/get-encoder): heads on its sentence vectors, beside the n-gram features, read \
            intents, out-of-scope and sentiment; the small model still writes the replies. The \
            checkpoint folder gets the encoder (hard-linked or copied) in encoder/.
            """)

    @Option(name: .long, help: ArgumentHelp("An intents folder (YAML, one file per intent).", valueName: "DIR"))
    var intents: String?

    @Option(name: .long, help: ArgumentHelp("A labelled CSV or JSON Lines file (text and intent, optionally reply).", valueName: "FILE"))
    var data: String?

    @Option(name: .customLong("text-column"), help: ArgumentHelp("The text column of --data (default text).", valueName: "NAME"))
    var textColumn: String?

    @Option(name: .customLong("label-column"),
            help: ArgumentHelp("The label column of --data (default: intent, category or label).", valueName: "NAME"))
    var labelColumn: String?

    @Option(name: .long, help: ArgumentHelp(
        "A transcript file or folder (.jsonl, .txt, .csv): reply pairs for generation, intents where labelled.",
        valueName: "PATH"))
    var transcripts: String?

    @OptionGroup var transcriptFormat: TranscriptFormatOptions

    @Option(name: .customLong("sentiment-data"),
            help: ArgumentHelp("A CSV with text and sentiment (negative, neutral, positive) columns.", valueName: "FILE"))
    var sentimentData: String?

    @Flag(name: .customLong("sentiment-only"), help: "Train on --sentiment-data alone: a sentiment model without intents or replies.")
    var sentimentOnly = false

    @Option(name: .long, help: ArgumentHelp(
        "A JSON file of model settings (snake_case keys of config.json, e.g. {\"model_width\": 64}; missing keys keep the defaults).",
        valueName: "FILE"))
    var config: String?

    @Option(name: .long, help: "The trunk: transformer or lstm (default transformer).")
    var arch: ChatModelConfig.Architecture?

    @Option(name: .long, help: "Training epochs (default 12; early stopping may end sooner).")
    var epochs: Int?

    @Option(name: .long, help: "Random seed (default 42).")
    var seed: UInt64?

    @Option(name: .long, help: ArgumentHelp("The checkpoint folder (default: a new version in models/).", valueName: "DIR"))
    var out: String?

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: ArgumentHelp(
        "A pretrained sentence encoder folder (config.json, model.safetensors, tokenizer.json; scripts/get-encoder) that reads intents and sentiment.",
        valueName: "DIR"))
    var encoder: String?

    func validate() throws {
        guard sentimentOnly else { return }
        guard sentimentData != nil else { throw ValidationError("--sentiment-only needs --sentiment-data FILE.") }
        guard out != nil else { throw ValidationError("--sentiment-only needs --out DIR: a sentiment model cannot chat, so it is never made active.") }
        guard intents == nil, data == nil, transcripts == nil else {
            throw ValidationError("--sentiment-only trains on --sentiment-data alone; drop --intents, --data and --transcripts.")
        }
    }

    func run() throws {
        var sources: TrainingSources
        if sentimentOnly {
            sources = TrainingSources()
        } else if intents == nil && data == nil {
            sources = TrainingPipeline.demoSources()
            if let transcripts { sources.transcripts = transcripts }
        } else {
            sources = TrainingSources(intents: intents, transcripts: transcripts)
        }
        sources.transcriptOptions = transcriptFormat.readOptions
        sources.labelledData = data
        sources.textColumn = textColumn
        sources.labelColumn = labelColumn
        if let sentimentData { sources.sentimentData = sentimentData }
        var config = try settings()
        if let arch { config.architecture = arch }
        if let epochs {
            guard epochs > 0 else { throw ValidationError("--epochs must be positive") }
            config.epochs = epochs
        }
        if let seed { config.seed = seed }
        do {
            try config.validate()
        } catch {
            throw CommandFailure("invalid settings: \(error)")
        }
        // A new version is a row of the store's model_versions table too; --out writes a folder only.
        let registry = try out == nil ? ModelsCommand.registry(store) : ModelRegistry()
        var pipeline = TrainingPipeline(sources: sources, config: config, output: out.map { URL(fileURLWithPath: $0) },
                                        registry: registry)
        pipeline.encoder = encoder.map { URL(fileURLWithPath: $0) }
        let outcome = try TrainingSummary.run(pipeline)
        let registered = out == nil ? outcome.directory.lastPathComponent : nil
        print(TrainingSummary.table(outcome, registered: registered))
    }

    /// The defaults, with the fields of --config applied.
    private func settings() throws -> ChatModelConfig {
        guard let path = config else { return ChatModelConfig() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("\(path): cannot read the file")
        }
        do {
            return try ChatModelConfig.settings(fromJSON: data)
        } catch {
            throw CommandFailure("\(path): \(error.message)")
        }
    }
}

extension ChatModelConfig.Architecture: ExpressibleByArgument {}
