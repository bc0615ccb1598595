// `chatbot chat`: talk to the bot in a terminal (line editing, colour, slash commands) or drive
// it through a pipe, one customer message per line in and one reply per line out.
import ArgumentParser
import ConversationStorage
import Dialogue
import FileFormats
import Foundation
import LanguageModeling
import ModelLifecycle
import Sentiment

/// Opens a chat session on the demo (or any) intents, storing every turn.
struct ChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Talk to the bot; every turn is stored.",
        discussion: """
            On a terminal: line editing and history, colour, and the commands /help, /good, /bad, \
            /intent NAME, /reply TEXT, /new and /quit (Ctrl-D and Ctrl-C end the session too). \
            With standard input piped: one customer message per line in, one reply per line out \
            (JSON Lines with --json); notices go to standard error.

            Messages are read and replies written by the model in --model DIR, else by the \
            active version in models/. When there is no model at all, the demo model is trained \
            first (from --intents plus conversations/ and sentiment/customer-messages.csv if \
            present, with a progress bar), saved as a new version and made active; if that \
            training fails, the example-matching understanding (nearest centroid over the \
            intents' examples, template replies) is used instead, and the session says so. Each \
            customer message's mood is the model's sentiment head combined with the lexicon.
            """)

    @Option(name: .long, help: ArgumentHelp("The intents folder.", valueName: "DIR"))
    var intents = "intents"

    @OptionGroup var model: ModelOptions

    @OptionGroup var store: StoreOptions

    @Flag(name: .long, help: "Show intent, confidence, entities, sentiment and latency under each reply.")
    var verbose = false

    @Flag(name: .long, help: "Print one JSON object per reply (implies line mode).")
    var json = false

    @Flag(name: .customLong("no-color"), help: "Never use colour (colour is used only on a terminal anyway).")
    var noColor = false

    func run() throws {
        let catalog = try IntentCatalog.loadForCommand(intents)
        let (understanding, readerName, readerNotice, sentimentCombination) = try makeUnderstanding(catalog: catalog)
        let policy = catalog.domain.storagePolicy  // the shop's own contact details are not redacted
        var conversationStore = try store.open(policy: policy)
        var spooling: SpoolingConversationStore?
        if case .postgres = try store.location() {
            do {  // turns survive a server outage in ./.chatbot/spool.jsonl and are replayed on exit or later
                spooling = try SpoolingConversationStore(primary: conversationStore, policy: policy)
                conversationStore = spooling ?? conversationStore
            } catch {
                throw CommandFailure("cannot open the spool for the PostgreSQL store: \(error.message)")
            }
        }
        let engine = DialogueEngine(catalog: catalog, understanding: understanding, store: conversationStore,
                                    sentimentCombination: sentimentCombination)
        let interactive = ChatLineReader.isInteractive && !json
        let colour = interactive && !noColor && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let unicode = interactive ? ChatLineReader.prepareLocale() : true
        let session = ChatSession(
            engine: engine, style: interactive ? .terminal : (json ? .jsonLines : .lines), verbose: verbose,
            colour: colour, unicode: unicode, output: { Self.printLine($0) },
            notice: interactive ? { Self.printLine($0) } : { Self.printError($0) })
        let spool = spooling
        let replaySpool: @Sendable () -> Void = {
            if let spool, let left = SpoolReplay.finish(spool, timeout: SpoolReplay.exitTimeout) { Self.printError(left) }
        }
        ChatInterrupt.install(engine: engine, terminal: interactive ? ChatLineReader.terminalSettings() : nil,
                              onExit: replaySpool)
        if let readerNotice { session.notice(readerNotice) }
        if interactive {
            let shop = catalog.domain.shop?.name ?? "customer service"
            session.notice(session.formatter.notice(
                "\(shop) · \(catalog.intents.count) intents · \(readerName) · "
                + "storing in \((try? store.location().description) ?? "the store") · /help for commands"))
            session.run(prompt: session.formatter.prompt, next: ChatLineReader.editedLine)
        } else {
            session.run(prompt: "", next: ChatLineReader.plainLine)
        }
        replaySpool()
    }

    /// The model of --model, else the active version, else a freshly trained demo model; the
    /// example matcher when training fails or the active version does not load (a corrupt or
    /// truncated file; --model's folder failing is an error instead). Returns it, its name for the
    /// banner, a notice, and how its sentiment head is combined with the lexicon.
    private func makeUnderstanding(catalog: IntentCatalog) throws
        -> (any LanguageUnderstanding, String, String?, SentimentCombination) {
        if let directory = ModelLocation.directory(model: model.path) {
            do {
                return try Self.loadModel(directory)
            } catch where model.path == nil {
                return Self.fallback(catalog, because: "the active version does not load (\(error))")
            }
        }
        Self.printError("No trained model yet: training the demo model on \(intents) first (once; a minute or two).")
        do {
            let pipeline = TrainingPipeline(sources: TrainingPipeline.demoSources(intents: intents), config: ChatModelConfig(), output: nil)
            let outcome = try TrainingSummary.run(pipeline)
            Self.printError(TrainingSummary.table(outcome, registered: outcome.directory.lastPathComponent))
            return try Self.loadModel(outcome.directory)
        } catch {
            return Self.fallback(catalog, because: "training the model failed (\(error))")
        }
    }

    /// The model in `directory` with its sentiment combination, for `makeUnderstanding`.
    private static func loadModel(_ directory: URL) throws -> (any LanguageUnderstanding, String, String?, SentimentCombination) {
        let understanding = try ModelLocation.load(directory)
        return (understanding, "model \(understanding.modelVersion)", nil, try ModelLocation.sentimentCombination(in: directory))
    }

    /// The example matcher with a one-line notice saying why, for `makeUnderstanding`.
    private static func fallback(_ catalog: IntentCatalog, because reason: String)
        -> (any LanguageUnderstanding, String, String?, SentimentCombination) {
        let fallback = ExampleMatchingUnderstanding(catalog: catalog)
        return (fallback, "example-matching understanding \(fallback.modelVersion)",
                "note: \(reason); using the example-matching understanding with template replies instead", .average())
    }

    private static func printLine(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    private static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
