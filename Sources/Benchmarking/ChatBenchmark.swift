// Per-turn latency of the dialogue engine on the demo intents: analysis alone (entities, intent,
// sentiment) and a whole turn through `DialogueEngine` into a temporary SQLite store (the
// `chatbot chat` default, fsync on every commit), with the example matcher and, when `models/`
// has an active version, with that model (whose figures add a generated reply of at most `generation.maxNewTokens`, 96 for a 128-token window).
import ConversationStorage
import Dialogue
import FileFormats
import Foundation
import ModelLifecycle
import Primitives
import Sentiment

/// Measures `chatbot chat` turn latency with the example matcher and the active model.
public struct ChatBenchmark: Sendable {
    /// Timed turns per figure.
    public var turns = 2_000
    /// Customer turns per conversation before a new one starts.
    public var turnsPerConversation = 8
    /// The intents folder.
    public var intentsDirectory = BenchmarkInputs().intentsDirectory
    /// Where the active model is looked up.
    public var registry = ModelRegistry()

    /// The default settings, or 200 turns for a smoke test.
    public init(quick: Bool = false) {
        if quick { turns = 200 }
    }

    /// Customer messages written for this benchmark, cycled in order.
    public static let messages = [
        "hi there", "where is my order?", "it's 48213377", "can you cancel it please",
        "I want to return the down jacket I bought, it's too small", "how much is shipping to Austria?",
        "my payment failed twice with my visa card", "do you have the 2-person tent in stock?",
        "I never got my refund of 89.90 EUR for order ORD-30571942", "what are your opening hours on saturday",
        "please change the delivery address for order 61180234 to 5 Elm Street",
        "my parcel arrived damaged, the trekking poles are bent", "thanks, that was helpful", "bye",
        "This is unacceptable!!! Worst service ever", "blorp wibble",
    ]

    /// Runs the measurements; empty (with a note on stderr) without an intents folder.
    public func run() -> [BenchmarkRecord] {
        guard let catalog = try? IntentCatalog.load(from: intentsDirectory) else {
            FileHandle.standardError.write(Data("chat: no intents folder (give --intents or run from the package root); skipped\n".utf8))
            return []
        }
        var understanding: ExampleMatchingUnderstanding?
        let buildSeconds = Stopwatch.seconds { understanding = ExampleMatchingUnderstanding(catalog: catalog) }
        guard let understanding else { return [] }
        var records = [BenchmarkRecord(name: "chat.example_matcher.build", value: buildSeconds * 1e3, unit: "ms")]
        records += analysis(catalog: catalog, understanding: understanding, name: "chat")
        records += wholeTurns(catalog: catalog, understanding: understanding, name: "chat")
        guard let directory = registry.activeModelDirectory() else {
            FileHandle.standardError.write(Data("chat: no active model in models/ (run `chatbot train`); model figures skipped\n".utf8))
            return records
        }
        do {
            let model = try ChatModelUnderstanding(contentsOf: directory)
            let combination = try ModelSentiment.combination(in: directory)
            records += analysis(catalog: catalog, understanding: model, name: "chat.model", combination: combination)
            records += generation(understanding: model, name: "chat.model")
            records += wholeTurns(catalog: catalog, understanding: model, name: "chat.model", combination: combination)
        } catch {
            FileHandle.standardError.write(Data("chat: the active model cannot chat (\(error)); model figures skipped\n".utf8))
        }
        return records
    }

    /// Analysis followed by a generated reply (at most the understanding's `generation.maxNewTokens`) for the predicted intent.
    private func generation(understanding: ChatModelUnderstanding, name: String) -> [BenchmarkRecord] {
        var samples: [Double] = []
        for index in 0..<(min(turns, 500) + 20) {
            let text = Self.messages[index % Self.messages.count]
            let seconds = Stopwatch.seconds {
                if let analysed = try? understanding.analyse(text, context: []) {
                    _ = try? understanding.candidateReply(intent: analysed.intent, text: text, context: [])
                }
            }
            if index >= 20 { samples.append(seconds * 1e3) }
        }
        return [
            BenchmarkRecord(name: name + ".analysis_and_reply.p50", value: samples.percentile(50), unit: "ms"),
            BenchmarkRecord(name: name + ".analysis_and_reply.p99", value: samples.percentile(99), unit: "ms"),
        ]
    }

    /// What the engine does before its policy: entities, intent, lexicon sentiment.
    private func analysis(catalog: IntentCatalog, understanding: any LanguageUnderstanding, name: String,
                          combination: SentimentCombination = .average()) -> [BenchmarkRecord] {
        let extractor = EntityExtractor(domain: catalog.domain)
        let sentiment = LexiconSentimentAnalyser()
        var checksum = 0.0
        var samples: [Double] = []
        for index in 0..<(turns + 50) {
            let text = Self.messages[index % Self.messages.count]
            let seconds = Stopwatch.seconds {
                checksum += Double(extractor.entities(in: text).count)
                let reading = try? understanding.analyse(text, context: [])
                checksum += reading?.confidence ?? 0
                checksum += combination.combine(lexicon: sentiment.analyse(text), headProbabilities: reading?.sentimentProbabilities).score
            }
            if index >= 50 { samples.append(seconds * 1e3) }  // the first 50 warm up
        }
        guard checksum.isFinite else { return [] }
        return [
            BenchmarkRecord(name: name + ".analysis.p50", value: samples.percentile(50), unit: "ms"),
            BenchmarkRecord(name: name + ".analysis.p99", value: samples.percentile(99), unit: "ms"),
        ]
    }

    /// Whole turns through the engine into SQLite, including the two message inserts.
    private func wholeTurns(catalog: IntentCatalog, understanding: any LanguageUnderstanding, name: String,
                            combination: SentimentCombination = .average()) -> [BenchmarkRecord] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-chat-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        guard let store = try? SQLiteConversationStore(path: directory.appendingPathComponent("chat.sqlite").path) else {
            return []
        }
        let engine = DialogueEngine(catalog: catalog, understanding: understanding, store: store, sentimentCombination: combination)
        var samples: [Double] = []
        var storedInTurn: [Double] = []
        for index in 0..<(turns + 50) {
            if index % turnsPerConversation == 0 { try? engine.startNewConversation() }
            let text = Self.messages[index % Self.messages.count]
            var result: TurnResult?
            let seconds = Stopwatch.seconds { result = engine.respond(to: text) }
            guard let result, result.storageError == nil else { return [] }
            if index >= 50 {
                samples.append(seconds * 1e3)
                storedInTurn.append(seconds * 1e3 - result.latencyMilliseconds)
            }
        }
        try? engine.end()
        return [
            BenchmarkRecord(name: name + ".turn.sqlite.p50", value: samples.percentile(50), unit: "ms"),
            BenchmarkRecord(name: name + ".turn.sqlite.p99", value: samples.percentile(99), unit: "ms"),
            BenchmarkRecord(name: name + ".turn.sqlite.store_share.p50", value: storedInTurn.percentile(50), unit: "ms"),
        ]
    }
}
