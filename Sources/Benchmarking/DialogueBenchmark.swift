// How the dialogue behaves on the demo transcripts (issue 11, parts 3 and 6): the share of
// customer turns the engine hands to a human, the hand-offs among forty plain order questions,
// and intent accuracy on the labelled customer turns read alone, after their transcript's
// earlier turns, and as the understanding reads them in a chat.
import ConversationStorage
import Dialogue
import FileFormats
import Foundation
import LanguageModeling
import ModelLifecycle
import Sentiment

/// Measures hand-offs and context use on `conversations/` with a trained model.
public struct DialogueBenchmark: Sendable {
    /// Earlier turns given as context (the engine's default).
    public var contextLimit = 6
    /// Plain order questions piped one after another.
    public var repeatedQuestions = 40

    /// The default settings (`quick` changes nothing: the measurement is small).
    public init(quick: Bool = false) {}

    /// The intents, the transcripts and the model (default: the active version).
    public var inputs = BenchmarkInputs()

    /// Runs the measurements; empty (with a note on stderr) without intents, transcripts or a model.
    public func run() -> [BenchmarkRecord] {
        do {
            let catalog = try IntentCatalog.load(from: inputs.intentsDirectory)
            let transcripts = try TranscriptReader.load(from: inputs.transcriptsDirectory)
            guard let folder = inputs.modelFolder() else {
                FileHandle.standardError.write(Data("dialogue: no model (give --model or run `chatbot train`); skipped\n".utf8))
                return []
            }
            let understanding = try ChatModelUnderstanding(contentsOf: folder)
            let combination = try ModelSentiment.combination(in: folder)
            return try handOffs(catalog: catalog, transcripts: transcripts, understanding: understanding, combination: combination)
                + accuracy(transcripts: transcripts, understanding: understanding)
        } catch {
            FileHandle.standardError.write(Data("dialogue: \(error); skipped\n".utf8))
            return []
        }
    }

    /// The customer turns through the engine twice: each transcript as its own conversation, and
    /// all of them piped into one session (as `printf … | chatbot chat` does; a hand-off starts a
    /// new conversation in both); then the repeated order questions. The first pass also reads
    /// each turn alone and after the engine's own recent turns (the bot's replies, not the agent's).
    func handOffs(catalog: IntentCatalog, transcripts: [Transcript], understanding: ChatModelUnderstanding,
                  combination: SentimentCombination) throws -> [BenchmarkRecord] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-dialogue-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteConversationStore(path: directory.appendingPathComponent("chat.sqlite").path, fsyncEveryCommit: false)
        let engine = DialogueEngine(catalog: catalog, understanding: understanding, store: store,
                                    sentimentCombination: combination, contextLimit: contextLimit)
        var records: [BenchmarkRecord] = []
        var readings = IntentTally()
        for piped in [false, true] {
            let wanted: Set<String> = ["complaint", "human_handoff"]
            var turns = 0, handedOff = 0, unwanted = 0
            try engine.startNewConversation()
            for transcript in transcripts {
                if !piped { try engine.startNewConversation() }
                for turn in transcript.turns where turn.role == .customer {
                    if !piped, let label = turn.intent {
                        try readings.add(turn.text, label: label, context: engine.state.recentTurns, model: understanding.model)
                    }
                    let result = engine.respond(to: turn.text)
                    if !piped, let label = turn.intent { readings.engine += result.detectedIntent == label ? 1 : 0 }
                    turns += 1
                    guard result.handedOff else { continue }
                    handedOff += 1
                    if !wanted.contains(turn.intent ?? "") { unwanted += 1 }
                }
            }
            let mode = piped ? "piped" : "per_transcript"
            records += [
                BenchmarkRecord(name: "dialogue.transcripts.\(mode).customer_turns", value: Double(turns), unit: "turns"),
                BenchmarkRecord(name: "dialogue.transcripts.\(mode).handoff_rate", value: Double(handedOff) / Double(max(1, turns)), unit: "ratio"),
                BenchmarkRecord(name: "dialogue.transcripts.\(mode).handoffs_not_complaint_or_request", value: Double(unwanted), unit: "turns"),
            ]
        }
        try engine.startNewConversation()
        var repeated = 0
        for index in 0..<repeatedQuestions where engine.respond(to: "where is my order \(12_340_000 + index * 7)?").handedOff {
            repeated += 1
        }
        try engine.end()
        records.append(BenchmarkRecord(name: "dialogue.order_question_x\(repeatedQuestions).handoffs", value: Double(repeated), unit: "turns"))
        return records + readings.records(prefix: "dialogue.transcripts.in_chat.intent_accuracy")
    }

    /// Intent accuracy on the labelled customer turns after the transcript's own previous
    /// `contextLimit` turns (the agent's words, as the model was trained on them).
    func accuracy(transcripts: [Transcript], understanding: ChatModelUnderstanding) throws -> [BenchmarkRecord] {
        var readings = IntentTally()
        for transcript in transcripts {
            for (index, turn) in transcript.turns.enumerated() where turn.role == .customer {
                guard let label = turn.intent else { continue }
                let context = transcript.turns[max(0, index - contextLimit)..<index].map {
                    ConversationTurn(speaker: $0.role == .customer ? .customer : .agent, text: $0.text)
                }
                try readings.add(turn.text, label: label, context: context, model: understanding.model)
                readings.engine += try understanding.analyse(turn.text, context: context).intent == label ? 1 : 0
            }
        }
        return readings.records(prefix: "dialogue.transcripts.intent_accuracy")
    }
}

/// Right top intents among labelled turns, read four ways.
struct IntentTally {
    var labelled = 0, alone = 0, withContext = 0, moreConfident = 0, engine = 0

    /// Reads `text` alone and after `context`, and counts which reading (and the more confident of the two) is `label`.
    mutating func add(_ text: String, label: String, context: [ConversationTurn], model: ChatModel) throws {
        let turns = context.map { ConversationTurn(speaker: $0.speaker == .customer ? .customer : .agent, text: $0.text) }
        let single = try model.predict(text, topK: 1)
        let preceded = try model.predict(text, context: turns, topK: 1)
        labelled += 1
        alone += single.intent == label ? 1 : 0
        withContext += preceded.intent == label ? 1 : 0
        moreConfident += (preceded.confidence > single.confidence ? preceded : single).intent == label ? 1 : 0
    }

    /// The four accuracies (and the number of turns) under `prefix`; `engine` is what the understanding's `analyse` read.
    func records(prefix: String) -> [BenchmarkRecord] {
        let total = Double(max(1, labelled))
        return [
            BenchmarkRecord(name: prefix + ".turns", value: Double(labelled), unit: "turns"),
            BenchmarkRecord(name: prefix + ".alone", value: Double(alone) / total, unit: "ratio"),
            BenchmarkRecord(name: prefix + ".with_context", value: Double(withContext) / total, unit: "ratio"),
            BenchmarkRecord(name: prefix + ".more_confident", value: Double(moreConfident) / total, unit: "ratio"),
            BenchmarkRecord(name: prefix + ".engine", value: Double(engine) / total, unit: "ratio"),
        ]
    }
}
