// `chatbot chat`: talk to the bot in a terminal (line editing, colour, slash commands) or drive
// it through a pipe, one customer message per line in and one reply per line out.
import ArgumentParser
import Chatbot
import ConversationStorage
import Foundation

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

            Until the neural model lands, messages are read by the example-matching \
            understanding (nearest centroid over the intents' examples) and replies are the \
            intents' templates; --model is accepted and reported, not yet loaded.
            """)

    @Option(name: .long, help: ArgumentHelp("The intents folder.", valueName: "DIR"))
    var intents = "intents"

    @Option(name: .long, help: ArgumentHelp("A trained model folder (not loaded yet: the example matcher is used).",
                                            valueName: "DIR"))
    var model: String?

    @OptionGroup var store: StoreOptions

    @Flag(name: .long, help: "Show intent, confidence, entities, sentiment and latency under each reply.")
    var verbose = false

    @Flag(name: .long, help: "Print one JSON object per reply (implies line mode).")
    var json = false

    @Flag(name: .customLong("no-color"), help: "Never use colour (colour is used only on a terminal anyway).")
    var noColor = false

    func run() throws {
        let catalog: IntentCatalog
        do {
            catalog = try IntentCatalog.load(from: URL(fileURLWithPath: intents), displayPath: intents)
        } catch let error as ChatbotError {
            throw CommandFailure("cannot load the intents:\n\(error.description)")
        }
        let understanding = ExampleMatchingUnderstanding(catalog: catalog)
        var conversationStore = try store.open()
        if case .postgres = try store.location() {
            do {  // turns survive a server outage in ./.chatbot/spool.jsonl and are replayed later
                conversationStore = try SpoolingConversationStore(primary: conversationStore)
            } catch {
                throw CommandFailure("cannot open the spool for the PostgreSQL store: \(error.message)")
            }
        }
        let engine = DialogueEngine(catalog: catalog, understanding: understanding, store: conversationStore)
        let interactive = ChatLineReader.isInteractive && !json
        let colour = interactive && !noColor && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let unicode = interactive ? ChatLineReader.prepareLocale() : true
        let session = ChatSession(
            engine: engine, style: interactive ? .terminal : (json ? .jsonLines : .lines), verbose: verbose,
            colour: colour, unicode: unicode, output: { Self.printLine($0) },
            notice: interactive ? { Self.printLine($0) } : { Self.printError($0) })
        ChatInterrupt.install(engine: engine, terminal: interactive ? ChatLineReader.terminalSettings() : nil)
        if model != nil {
            session.notice("note: --model is not loaded yet; using the example-matching understanding (\(understanding.modelVersion))")
        }
        if interactive {
            let shop = catalog.domain.shop?.name ?? "customer service"
            session.notice(session.formatter.notice(
                "\(shop) · \(catalog.intents.count) intents · example-matching understanding \(understanding.modelVersion) · "
                + "storing in \((try? store.location().description) ?? "the store") · /help for commands"))
            session.run(prompt: session.formatter.prompt, next: ChatLineReader.editedLine)
        } else {
            session.run(prompt: "", next: ChatLineReader.plainLine)
        }
    }

    private static func printLine(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    private static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
