// The demo chat's replies (issue 15): every example of every intent in `intents/` as the first
// message of its own conversation with the engine `chatbot chat` runs; the share of replies
// that are generated (and so passed the reply checks), over all turns and over the answers,
// and a few samples on standard error.
import ConversationStorage
import Dialogue
import FileFormats
import Foundation
import ModelLifecycle
import Primitives

extension ReplyBenchmark {
    /// Generated-and-passing shares of the demo chat with `model`, and chat replies per second.
    func demoChat(model: URL) throws -> [BenchmarkRecord] {
        let catalog = try IntentCatalog.load(from: settings.intentsDirectory)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-replies-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteConversationStore(path: directory.appendingPathComponent("chat.sqlite").path, fsyncEveryCommit: false)
        let engine = DialogueEngine(catalog: catalog, understanding: try understanding(model), store: store,
                                    sentimentCombination: try ModelSentiment.combination(in: model))
        var turns = 0, answers = 0, generated = 0
        var samples: [String] = []
        let started = ContinuousClock.now
        for intent in catalog.intents {
            for (index, example) in intent.examples.enumerated() where !quick || index < 2 {
                try engine.startNewConversation()
                let result = engine.respond(to: example.text)
                turns += 1
                guard result.move == .answer else { continue }
                answers += 1
                guard result.source == .generated else { continue }
                generated += 1
                if index == 0 { samples.append("\(intent.name) | \(example.text) | \(result.reply)") }
            }
        }
        let seconds = (ContinuousClock.now - started).seconds
        try engine.end()
        FileHandle.standardError.write(Data(samples.map { "replies.demo sample: \($0)\n" }.joined().utf8))
        return [
            BenchmarkRecord(name: "replies.demo.turns", value: Double(turns), unit: "turns"),
            BenchmarkRecord(name: "replies.demo.answers", value: Double(answers), unit: "turns"),
            BenchmarkRecord(name: "replies.demo.generated_share", value: 100 * Double(generated) / Double(max(1, turns)), unit: "%"),
            BenchmarkRecord(name: "replies.demo.generated_share_of_answers", value: 100 * Double(generated) / Double(max(1, answers)),
                            unit: "%"),
            BenchmarkRecord(name: "replies.demo.turns_per_second", value: Double(turns) / max(1e-9, seconds), unit: "turns/s"),
        ]
    }
}
