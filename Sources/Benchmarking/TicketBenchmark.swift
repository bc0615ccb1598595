// The `tickets` suite: tickets/s of `chatbot answer`'s loop end to end (read, analyse, route,
// write the answers file) on a labelled CSV read as tickets — Banking77's test set by default —
// with template replies at each --jobs value, with generated replies, and through the queue with
// N workers; plus the intent accuracy of the answers next to `chatbot evaluate`'s on the same model.
import ConversationStorage
import Dialogue
import FileFormats
import Foundation
import LanguageModeling
import ModelLifecycle
import Primitives
import TicketAnswering

/// Ticket answering throughput and accuracy.
public struct TicketBenchmark {
    /// Only the first 200 tickets.
    public var quick: Bool
    /// Data, model, jobs and queue settings.
    public var settings: TicketBenchmarkSettings

    /// A benchmark with `settings`.
    public init(quick: Bool, settings: TicketBenchmarkSettings = TicketBenchmarkSettings()) {
        self.quick = quick
        self.settings = settings
    }

    /// Every figure, or none when the data or the model is missing (said on standard error).
    public func run() -> [BenchmarkRecord] {
        do {
            return try measure()
        } catch {
            FileHandle.standardError.write(Data("tickets: skipped (\(error))\n".utf8))
            return []
        }
    }

    private func measure() throws -> [BenchmarkRecord] {
        guard let data = settings.dataFile,
              FileManager.default.fileExists(atPath: data) else { throw TicketAnsweringError("no ticket file (give --data)") }
        guard let model = settings.modelDirectory.map(URL.init(fileURLWithPath:)) ?? ModelRegistry().activeModelDirectory() else {
            throw TicketAnsweringError("no model (give --model DIR)")
        }
        var labelled = try LabelledDataReader.read(contentsOf: URL(fileURLWithPath: data), labelColumn: settings.labelColumn)
        if quick { labelled = Array(labelled.prefix(200)) }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("chatbot-bench-tickets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let tickets = work.appendingPathComponent("tickets.csv").path
        try Data(CSVWriter.table(header: ["id", "text"], rows: labelled.enumerated().map { ["B\($0.offset)", $0.element.text] }).utf8)
            .write(to: URL(fileURLWithPath: tickets))
        let understanding = try ChatModelUnderstanding(contentsOf: model)
        let catalog = Self.catalog(intents: understanding.model.labels.intents)
        let prefix = "tickets.\(URL(fileURLWithPath: data).deletingPathExtension().lastPathComponent)"
        var records: [BenchmarkRecord] = []
        var firstOutput: String?
        for jobs in settings.jobs {
            let output = work.appendingPathComponent("answers-\(jobs).jsonl").path
            let rate = try answerFile(tickets, output: output, model: model, catalog: catalog, jobs: jobs, generate: false)
            records.append(BenchmarkRecord(name: "\(prefix).template.jobs\(jobs).tickets_per_second", value: rate, unit: "tickets/s"))
            firstOutput = firstOutput ?? output
        }
        let generatedJobs = settings.jobs.max() ?? 1
        let generated = try answerFile(tickets, output: work.appendingPathComponent("generated.jsonl").path, model: model,
                                       catalog: catalog, jobs: generatedJobs, generate: true)
        records.append(BenchmarkRecord(name: "\(prefix).generated.jobs\(generatedJobs).tickets_per_second", value: generated,
                                       unit: "tickets/s"))
        records += try queue(tickets, model: model, catalog: catalog, work: work, prefix: prefix)
        if let firstOutput { records += try accuracy(answers: firstOutput, labelled: labelled, model: understanding.model, prefix: prefix) }
        return records
    }

    /// Answers `tickets` into `output` with `jobs` analysers; tickets/s.
    private func answerFile(_ tickets: String, output: String, model: URL, catalog: IntentCatalog, jobs: Int,
                            generate: Bool) throws -> Double {
        var options = TicketAnsweringSettings()
        options.generateReplies = generate
        let analysers = try (0..<jobs).map { _ in
            TicketAnalyser(catalog: catalog, understanding: try ChatModelUnderstanding(contentsOf: model),
                           sentimentCombination: try ModelSentiment.combination(in: model), settings: options)
        }
        let started = ContinuousClock.now
        let file = try TicketAnswerFile(path: output, format: .jsonl, resume: false)
        let summary = try TicketBatchRunner(analysers: analysers).run(
            sources: [try TicketInputFormat.open(tickets, format: .csv, fields: TicketFields())],
            write: file.append, failure: { _ in })
        try file.close()
        return Double(summary.answered) / (ContinuousClock.now - started).seconds
    }

    /// Enqueues the tickets and answers them with `queueWorkers` workers (threads, each with its
    /// own connection and model); tickets/s of the work phase, and of enqueuing.
    private func queue(_ tickets: String, model: URL, catalog: IntentCatalog, work: URL, prefix: String) throws -> [BenchmarkRecord] {
        let location = try StoreLocation.resolve(databasePath: work.appendingPathComponent("queue.sqlite").path,
                                                 databaseURL: settings.databaseURL)
        let backend = settings.databaseURL == nil ? "sqlite" : "postgres"
        let queue = TicketQueue(store: try location.open(fsyncEveryCommit: false))
        let enqueueStarted = ContinuousClock.now
        let (count, _) = try queue.enqueue(try TicketInputFormat.open(tickets, format: .csv, fields: TicketFields()), failure: { _ in })
        let enqueueSeconds = (ContinuousClock.now - enqueueStarted).seconds
        var options = TicketAnsweringSettings()
        options.generateReplies = false
        let workers = try (0..<settings.queueWorkers).map { _ in
            (TicketQueue(store: try location.open(fsyncEveryCommit: false)),
             TicketBatchRunner(analysers: [TicketAnalyser(catalog: catalog, understanding: try ChatModelUnderstanding(contentsOf: model),
                                                          sentimentCombination: try ModelSentiment.combination(in: model),
                                                          settings: options)]))
        }
        let started = ContinuousClock.now
        let done = QueueWorkers(workers)
        DispatchQueue.concurrentPerform(iterations: workers.count) { index in done.work(index) }
        let seconds = (ContinuousClock.now - started).seconds
        let answered = try queue.store.tickets(status: .done).count
        return [
            BenchmarkRecord(name: "\(prefix).queue.\(backend).enqueue.tickets_per_second", value: Double(count) / enqueueSeconds, unit: "tickets/s"),
            BenchmarkRecord(name: "\(prefix).queue.\(backend).workers\(workers.count).tickets_per_second", value: Double(done.total) / seconds,
                            unit: "tickets/s"),
            BenchmarkRecord(name: "\(prefix).queue.\(backend).answered_exactly_once", value: answered == count && done.total == count ? 1 : 0,
                            unit: "bool"),
        ]
    }

    /// The answers' intent accuracy against the labels, `chatbot evaluate`'s on the same rows, and whether they agree.
    private func accuracy(answers path: String, labelled: [LabelledExample], model: ChatModel, prefix: String) throws -> [BenchmarkRecord] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let answered: [EvaluationRow] = zip(labelled, lines).map { example, line in
            let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
            let intent = object["intent"] as? String
            return EvaluationRow(gold: example.label, predicted: intent ?? "", confidence: object["confidence"] as? Double ?? 0,
                                 isOutOfScope: intent == nil)
        }
        let predictions = try model.predict(labelled.map(\.text), topK: 1)
        let evaluated = zip(labelled, predictions).map { example, prediction in
            EvaluationRow(gold: example.label, predicted: prediction.intent, confidence: Double(prediction.confidence),
                          isOutOfScope: prediction.isOutOfScope)
        }
        let ours = EvaluationMetrics(rows: answered).accuracy, theirs = EvaluationMetrics(rows: evaluated).accuracy
        return [
            BenchmarkRecord(name: "\(prefix).answers.accuracy", value: ours * 100, unit: "%"),
            BenchmarkRecord(name: "\(prefix).evaluate.accuracy", value: theirs * 100, unit: "%"),
            BenchmarkRecord(name: "\(prefix).answers_equal_evaluate", value: lines.count == labelled.count && ours == theirs ? 1 : 0,
                            unit: "bool"),
        ]
    }

    /// One intent per label with one template reply, for a model trained on labelled rows alone.
    static func catalog(intents: [String]) -> IntentCatalog {
        IntentCatalog(intents: intents.map { name in
            let words = name.replacingOccurrences(of: "_", with: " ")
            return IntentDefinition(name: name, description: words, examples: [],
                                    responses: [LocatedText("Thank you for asking about \(words). Here is what to do next.",
                                                            at: SourceLocation(file: "bench", line: 1))], file: "bench")
        })
    }
}

/// The queue workers (threads, each using only its own queue and runner) and their total.
private final class QueueWorkers: @unchecked Sendable {
    private let workers: [(TicketQueue, TicketBatchRunner)]
    private var completed = 0
    private let lock = NSLock()

    init(_ workers: [(TicketQueue, TicketBatchRunner)]) { self.workers = workers }

    /// Runs worker `index` until the queue is empty.
    func work(_ index: Int) {
        let count = (try? workers[index].0.work(as: "bench-\(index)", runner: workers[index].1)) ?? 0
        lock.withLock { completed += count }
    }

    var total: Int { lock.withLock { completed } }
}
