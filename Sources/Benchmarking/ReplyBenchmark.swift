// Generated replies as the tickets get them (issue 15): a held-out labelled file with replies is
// answered by `TicketAnalyser`, the library of `chatbot answer`, with generated replies on and
// the training file's replies as the intents' templates (so the reply checks and the fallback
// have real replies to compare with); ROUGE-L and chrF against the references, the share of
// generated replies, replies/s, and the answers written as `chatbot answer` writes them so that
// `../shared/bench/reply_score.py` scores them beside the peers (scripts/bench-replies).
// Without held-out files it measures the demo chat instead (ReplyBenchmark+Demo.swift).
import Dialogue
import FileFormats
import Foundation
import LanguageModeling
import ModelLifecycle
import Primitives
import TicketAnswering

/// Settings of the `replies` suite, from `chatbot bench` flags.
public struct ReplyBenchmarkSettings: Sendable, Hashable {
    /// The labelled file with replies the model was trained on (its replies become the templates).
    public var trainFile: String?
    /// The held-out labelled file with `id`, `text` and `reply` columns, answered as tickets.
    public var testFile: String?
    /// Where the answers go (JSON Lines, `chatbot answer`'s format); nil: a temporary file.
    public var answersFile: String?
    /// The model folder (default: the active version in models/).
    public var modelDirectory: String?
    /// The intents folder whose examples the demo chat part answers (without held-out files).
    public var intentsDirectory = URL(fileURLWithPath: "intents")
    /// Tickets per analyser batch.
    public var batchSize = 64
    /// Decoding overrides (nil: the understanding's default).
    public var noRepeatNGramSize: Int?
    /// CTRL repetition penalty override (1: off).
    public var repetitionPenalty: Float?
    /// Sampling temperature override (0: greedy).
    public var temperature: Float?
    /// Nucleus (top-p) override (1: off).
    public var topP: Float?

    /// No files yet.
    public init() {}
}

/// Reply quality and speed through the ticket path.
public struct ReplyBenchmark {
    /// The settings.
    public var settings: ReplyBenchmarkSettings
    /// Only the first 64 tickets.
    public var quick: Bool

    /// The suite with `settings`.
    public init(quick: Bool, settings: ReplyBenchmarkSettings) {
        self.quick = quick
        self.settings = settings
    }

    /// The figures, or none when a file or the model is missing (said on standard error).
    public func run() -> [BenchmarkRecord] {
        do {
            return try measure()
        } catch {
            FileHandle.standardError.write(Data("replies: skipped (\(error))\n".utf8))
            return []
        }
    }

    private func measure() throws -> [BenchmarkRecord] {
        guard let model = settings.modelDirectory.map(URL.init(fileURLWithPath:)) ?? ModelRegistry().activeModelDirectory() else {
            throw TicketAnsweringError("no model (give --model DIR)")
        }
        guard let train = settings.trainFile, let test = settings.testFile else {
            return try demoChat(model: model)
        }
        let catalog = Self.catalog(try LabelledDataReader.read(contentsOf: URL(fileURLWithPath: train)))
        var references: [String: String] = [:]
        for example in try LabelledDataReader.read(contentsOf: URL(fileURLWithPath: test)) {
            references[String(example.location.line)] = example.reply
        }
        var tickets: [TicketRequest] = []
        let source = try TicketInputFormat.open(test, format: .csv, fields: TicketFields())
        while let item = try source.next() {
            if case .ticket(let ticket) = item { tickets.append(ticket) }
        }
        if quick { tickets = Array(tickets.prefix(64)) }
        var options = TicketAnsweringSettings()
        options.plain = true
        options.generateReplies = true
        let analyser = TicketAnalyser(catalog: catalog, understanding: try understanding(model),
                                      sentimentCombination: try ModelSentiment.combination(in: model), settings: options)
        let started = ContinuousClock.now
        var answers: [TicketAnswer] = []
        for start in stride(from: 0, to: tickets.count, by: max(1, settings.batchSize)) {
            answers += try analyser.answer(Array(tickets[start..<min(tickets.count, start + settings.batchSize)]))
        }
        let seconds = (ContinuousClock.now - started).seconds
        try write(answers)
        let scored = zip(tickets, answers).compactMap { ticket, answer in
            references[ticket.location.line.map(String.init) ?? ""].map { ($0, answer.reply) }
        }
        let scores = ReplyScores(references: scored.map(\.0), generated: scored.map(\.1))
        let generated = answers.filter { $0.replySource == "generated" }.count
        let name = "replies.\(URL(fileURLWithPath: test).deletingPathExtension().lastPathComponent)"
        let (wellFormed, onTopic) = Self.referencesPassingChecks(try LabelledDataReader.read(contentsOf: URL(fileURLWithPath: test)),
                                                                 catalog: catalog)
        return [
            BenchmarkRecord(name: "\(name).references.well_formed", value: wellFormed, unit: "%"),
            BenchmarkRecord(name: "\(name).references.on_topic", value: onTopic, unit: "%"),
            BenchmarkRecord(name: "\(name).tickets", value: Double(answers.count), unit: "tickets"),
            BenchmarkRecord(name: "\(name).rouge_l", value: scores.rougeL, unit: "ROUGE-L F1 x100"),
            BenchmarkRecord(name: "\(name).chrf", value: scores.chrF, unit: "chrF"),
            BenchmarkRecord(name: "\(name).generated_share", value: 100 * Double(generated) / Double(max(1, answers.count)), unit: "%"),
            BenchmarkRecord(name: "\(name).replies_per_second", value: Double(answers.count) / max(1e-9, seconds), unit: "replies/s"),
        ]
    }

    /// The model's understanding with the settings' decoding overrides.
    func understanding(_ model: URL) throws -> ChatModelUnderstanding {
        let understanding = try ChatModelUnderstanding(contentsOf: model)
        if let noRepeatNGramSize = settings.noRepeatNGramSize { understanding.generation.noRepeatNGramSize = noRepeatNGramSize }
        if let repetitionPenalty = settings.repetitionPenalty { understanding.generation.repetitionPenalty = repetitionPenalty }
        if let temperature = settings.temperature { understanding.generation.temperature = temperature }
        if let topP = settings.topP { understanding.generation.topP = topP }
        return understanding
    }

    /// The answers in `chatbot answer`'s JSON Lines, where the settings say or to a temporary file.
    private func write(_ answers: [TicketAnswer]) throws {
        let path = settings.answersFile
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("chatbot-bench-replies-\(UUID().uuidString).jsonl").path
        let file = try TicketAnswerFile(path: path, format: .jsonl, resume: false)
        try file.append(answers)
        try file.close()
        if settings.answersFile == nil { try? FileManager.default.removeItem(atPath: path) }
    }

    /// The share of held-out reference replies (written by people, so they should pass) that the
    /// generated-reply checks accept: well formed, and on topic for their own intent.
    static func referencesPassingChecks(_ rows: [LabelledExample], catalog: IntentCatalog) -> (wellFormed: Double, onTopic: Double) {
        let check = ReplyTopicCheck(catalog: catalog)
        let replies = rows.compactMap { row in row.reply.map { (row.label, $0) } }
        let wellFormed = replies.filter { ChatModelUnderstanding.isWellFormed($0.1, finished: true) }.count
        let onTopic = replies.filter { check.offTopic($0.1, intent: $0.0) == nil }.count
        let n = Double(max(1, replies.count))
        return (100 * Double(wellFormed) / n, 100 * Double(onTopic) / n)
    }

    /// One intent per label: its texts as examples and its distinct replies as templates.
    static func catalog(_ labelled: [LabelledExample]) -> IntentCatalog {
        let byIntent = Dictionary(grouping: labelled, by: \.label)
        return IntentCatalog(intents: byIntent.keys.sorted().map { name in
            let rows = byIntent[name] ?? []
            var seen: Set<String> = []
            let replies = rows.compactMap { row in row.reply.flatMap { seen.insert($0).inserted ? LocatedText($0, at: row.location) : nil } }
            return IntentDefinition(name: name, description: name.replacingOccurrences(of: "_", with: " "),
                                    examples: rows.map { LocatedText($0.text, at: $0.location) }, responses: replies, file: "bench")
        })
    }
}
