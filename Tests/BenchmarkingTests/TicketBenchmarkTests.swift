// The `tickets` suite on a tiny model and file: every figure is there, the queue answers each
// ticket once, and the answers' accuracy equals `chatbot evaluate`'s on the same model.
import Benchmarking
import Foundation
import LanguageModeling
import Testing
import TestSupport

@Test func ticketsSuiteReportsThroughputAndAccuracyEqualToEvaluate() throws {
    let rows = [("I want a refund", "refund"), ("give me my money back", "refund"), ("how much is shipping", "shipping"),
                ("what does delivery cost", "shipping"), ("hello", "greeting"), ("hi there", "greeting")]
    let model = try ChatModelTrainer(config: .tiny(epochs: 3)).train(rows.map { TrainingExample(text: $0.0, intent: $0.1) }).model
    let folder = try TestFixtures.folder(["test.csv": "text,category\n" + (0..<5).flatMap { _ in rows }.map { "\($0.0),\($0.1)\n" }.joined()])
    defer { try? FileManager.default.removeItem(at: folder) }
    try model.save(to: folder.appendingPathComponent("model"))
    var settings = TicketBenchmarkSettings()
    settings.dataFile = folder.appendingPathComponent("test.csv").path
    settings.modelDirectory = folder.appendingPathComponent("model").path
    let records = TicketBenchmark(quick: true, settings: settings).run()
    let values = Dictionary(records.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    for name in ["template.jobs1.tickets_per_second", "template.jobs2.tickets_per_second", "generated.jobs2.tickets_per_second",
                 "queue.sqlite.workers2.tickets_per_second", "answers.accuracy"] {
        #expect((values["tickets.test.\(name)"] ?? 0) > 0, "\(name)")
    }
    #expect(values["tickets.test.queue.sqlite.answered_exactly_once"] == 1)
    #expect(values["tickets.test.answers_equal_evaluate"] == 1)
    #expect(values["tickets.test.answers.accuracy"] == values["tickets.test.evaluate.accuracy"])
}
