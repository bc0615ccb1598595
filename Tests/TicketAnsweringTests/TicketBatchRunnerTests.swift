// The answering loop: the same output in input order with one job or several, resume after an
// interruption equal to one uninterrupted run, a half-written last line dropped on resume.
import Foundation
import Testing
import TestSupport
import TicketAnswering

private let requests = ["I want to return the boots", "reset my password please", "where is my order 48213377",
                        "I want to complain", "tell me a joke about cats"]

/// A ticket file of `count` rows cycling through `requests`, with one unreadable row.
private func ticketFile(count: Int) throws -> (folder: URL, path: String) {
    var csv = "id,body\n"
    for index in 0..<count { csv += "T\(index),\"\(requests[index % requests.count]) (\(index))\"\n" }
    csv += "broken,\"never closed\n"
    let folder = try TestFixtures.folder(["tickets.csv": csv])
    return (folder, folder.appendingPathComponent("tickets.csv").path)
}

/// Runs the answering loop over `path` into `output`; stops after the first chunk when `stopEarly`.
private func run(_ path: String, output: String, format: TicketOutputFormat, jobs: Int, stopEarly: Bool = false)
    throws -> TicketRunSummary {
    let file = try TicketAnswerFile(path: output, format: format)
    let runner = TicketBatchRunner(analysers: try (0..<jobs).map { _ in try TicketDomain.analyser() }, batchSize: 4)
    var failed: [TicketReadFailure] = []
    let summary = try runner.run(sources: [try TicketInputFormat.open(path, format: nil, fields: TicketFields())],
                                 skip: file.answeredKeys, write: file.append, failure: { failed.append($0) },
                                 shouldStop: { stopEarly })
    try file.close()
    #expect(failed.map(\.location.line) == (summary.interrupted ? [] : [count(path) + 2]))
    return summary
}

private func count(_ path: String) -> Int {
    ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").count - 2
}

/// The file's records with the timing field removed (it differs from run to run).
private func withoutLatency(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
        .replacingOccurrences(of: #""latency_ms":[0-9.e-]+"#, with: "", options: .regularExpression)
        .replacingOccurrences(of: #",[0-9.e-]+,([^,\n]*)\n"#, with: ",$1\n", options: .regularExpression)
}

@Test(arguments: [TicketOutputFormat.jsonl, .csv])
func resumingAfterAnInterruptionGivesTheSameOutputAsOneRun(format: TicketOutputFormat) throws {
    let (folder, path) = try ticketFile(count: 23)
    defer { try? FileManager.default.removeItem(at: folder) }
    let whole = folder.appendingPathComponent("whole.\(format.rawValue)").path
    let resumed = folder.appendingPathComponent("resumed.\(format.rawValue)").path
    let full = try run(path, output: whole, format: format, jobs: 1)
    #expect(full.answered == 23 && full.failed == 1)

    let first = try run(path, output: resumed, format: format, jobs: 2, stopEarly: true)
    #expect(first.interrupted && first.answered == 8)
    // A kill in the middle of a write leaves half a record: resume drops it.
    let handle = try #require(FileHandle(forWritingAtPath: resumed))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("{\"id\":\"T8\",\"intent\":\"ret".utf8))
    try handle.close()
    let second = try run(path, output: resumed, format: format, jobs: 3)
    #expect(second.skipped == 8 && second.answered == 15)
    #expect(try withoutLatency(resumed) == (try withoutLatency(whole)))
    let third = try run(path, output: resumed, format: format, jobs: 1)
    #expect(third.answered == 0 && third.skipped == 23)
}

@Test func severalJobsKeepTheInputOrder() throws {
    let (folder, path) = try ticketFile(count: 41)
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("out.jsonl").path
    _ = try run(path, output: output, format: .jsonl, jobs: 3)
    let ids = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").map { line in
        (try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
    }
    #expect(ids == (0..<41).map { "T\($0)" })
}

@Test func anAnswersLineHasTheIssuesFields() throws {
    let answer = try #require(try TicketDomain.analyser().answer([
        TicketRequest(id: "A\"1", body: "where is my order 48213377", location: TicketLocation(file: "f.csv", line: 9)),
    ]).first)
    let line = TicketOutputFormat.jsonl.record(answer)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    #expect(Array(object.keys).sorted() == ["confidence", "entities", "id", "intent", "intents", "latency_ms", "model_version",
                                             "out_of_scope", "reasons", "reply", "reply_source", "route", "sentiment",
                                             "source", "top3"])
    #expect(object["id"] as? String == "A\"1" && object["route"] as? String == "send" && object["source"] as? String == "f.csv:9")
    #expect((object["sentiment"] as? [String: Any])?["label"] is String)
    let csv = TicketOutputFormat.csv.preamble + TicketOutputFormat.csv.record(answer)
    #expect(csv.hasPrefix("id,intent,intents,confidence,top3,out_of_scope,entities,sentiment,sentiment_score,reply,"))
}
