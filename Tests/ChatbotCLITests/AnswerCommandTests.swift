// `chatbot answer` end to end on a tiny model: the answers file, the errors file and the exit
// status, the help snapshot, and — on PostgreSQL — three worker processes, one killed mid-run,
// answering every queued ticket exactly once.
import ArgumentParser
import ChatbotCLI
import ConversationStorage
import FileFormats
import Foundation
import LanguageModeling
import Testing
import TestSupport

/// A tiny model of TinyDomain's intents and its intents folder, in a fresh folder.
private func ticketCSV(_ count: Int, in folder: URL, broken: Bool = false) throws -> String {
    let texts = ["I want a refund for my order", "how much is shipping to Spain", "hello there"]
    var csv = "id,body,customer\n" + (0..<count).map { "T\($0),\(texts[$0 % 3]),Customer \($0)\n" }.joined()
    if broken { csv += "bad,\"never closed\n" }
    let path = folder.appendingPathComponent("tickets.csv").path
    try csv.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

@Test func answerWritesOneAnswerPerTicketAndListsBadRowsWithExitStatusTwo() throws {
    let (folder, model, intents) = try tinySetup()
    defer { try? FileManager.default.removeItem(at: folder) }
    let tickets = try ticketCSV(7, in: folder, broken: true)
    let output = folder.appendingPathComponent("answers.csv").path
    var command = try ChatbotCommand.parseAsRoot(
        ["answer", tickets, "-o", output, "--model", model, "--intents", intents, "--jobs", "2", "--no-store"])
    var exitCode: Int32?
    do { try command.run() } catch let code as ExitCode { exitCode = code.rawValue }
    #expect(exitCode == 2)
    let table = try CSVReader.read(contentsOf: URL(fileURLWithPath: output))
    #expect(table.header.prefix(3) == ["id", "intent", "intents"])
    #expect(table.rows.map { $0.first } == (0..<7).map { "T\($0)" })
    #expect(table.rows.allSatisfy { $0[9].hasPrefix("Hello Customer ") && $0[11] != "" })
    let errors = try String(contentsOfFile: output + ".errors.jsonl", encoding: .utf8)
    #expect(errors.contains("\"line\":9") && errors.contains("never closed"))
}

@Test func answerReadsAnMboxAndListsTheTruncatedMessageWithItsByteOffset() throws {
    let (folder, model, intents) = try tinySetup()
    defer { try? FileManager.default.removeItem(at: folder) }
    let message = { (number: Int, text: String) in
        "From c\(number)@customer.example Mon Dec  7 10:0\(number):00 2026\nFrom: Customer \(number) <c\(number)@customer.example>\n"
            + "Message-ID: <m\(number)@customer.example>\nContent-Type: text/plain; charset=ISO-8859-1\n"
            + "Content-Transfer-Encoding: quoted-printable\n\nHello,\n\n\(text)\n\nRegards,\nCustomer\n\n"
            + "On Mon, 7 Dec 2026 at 09:00, Shop <s@shop.example> wrote:\n> how much is shipping\n\n"
    }
    let cut = "From cut@customer.example Mon Dec  7 10:09:00 2026\nContent-Type: multipart/mixed; boundary=b\n\n--b\n\nI want a ref"
    let mbox = message(1, "I want a refund, my order was wrong.") + message(2, "How much is shipping to Spain?") + cut
    let input = folder.appendingPathComponent("inbox.mbox").path
    try mbox.write(toFile: input, atomically: true, encoding: .utf8)
    let output = folder.appendingPathComponent("answers.jsonl").path
    var command = try ChatbotCommand.parseAsRoot(
        ["answer", input, "-o", output, "--model", model, "--intents", intents, "--jobs", "1", "--no-store"])
    var exitCode: Int32?
    do { try command.run() } catch let code as ExitCode { exitCode = code.rawValue }
    #expect(exitCode == 2)
    let answers = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        .compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    #expect(answers.map { $0["id"] as? String } == ["m1@customer.example", "m2@customer.example"])
    #expect(answers.map { $0["intent"] as? String } == ["refund", "shipping"])
    #expect((answers.first?["reply"] as? String)?.contains("Customer 1") == true)
    let errors = try String(contentsOfFile: output + ".errors.jsonl", encoding: .utf8)
    #expect(errors.contains("\"byte_offset\":\(mbox.utf8.count - cut.utf8.count)") && errors.contains("closing boundary"))
}

@Test func answerHelpMatchesSnapshot() throws {
    let command = try ChatbotCommand.parseAsRoot(["answer", "t.csv"])
    try expectSnapshot(ChatbotCommand.helpMessage(for: type(of: command), columns: 100), named: "answer-help.txt")
}

@Test func answerFlagsAreChecked() {
    #expect(parseErrorMessage(["answer"]) == "Name at least one ticket file.")
    #expect(parseErrorMessage(["answer", "--worker", "w1", "t.csv"]) == "--worker and --collect read the queue, not files.")
    #expect(parseErrorMessage(["answer", "t.csv", "--format", "xml"]) == "--format must be jsonl or csv")
    #expect(parseErrorMessage(["answer", "--enqueue", "--collect", "o.jsonl", "t.csv"]) == "Give one of --enqueue, --worker NAME and --collect OUT.")
}

@Suite(.enabled(if: PostgresTestDatabase.isEnabled))
struct AnswerQueuePostgresTests {
    @Test func threeWorkerProcessesOneKilledAnswerEveryTicketExactlyOnce() throws {
        guard let fixture = try StoreFixture.make(.postgres), let url = fixture.postgresURLWithSchema else { return }
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("chatbot")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the chatbot executable first")
        let (folder, model, intents) = try tinySetup()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tickets = try ticketCSV(600, in: folder)
        var enqueue = try ChatbotCommand.parseAsRoot(["answer", "--enqueue", tickets, "--database-url", url])
        try enqueue.run()
        let workers = try (0..<3).map { index in
            let process = Process()
            process.executableURL = binary
            process.arguments = ["answer", "--worker", "w\(index)", "--database-url", url, "--model", model, "--intents", intents,
                                 "--batch", "10", "--lease", "2", "--jobs", "1", "--no-store"]
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        let store = try fixture.makeStore()
        // Kill worker 0 once it holds tickets it has not finished.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, try store.tickets(status: .claimed).contains(where: { $0.claimedBy == "w0" }) == false {
            Thread.sleep(forTimeInterval: 0.01)
        }
        kill(workers[0].processIdentifier, SIGKILL)
        workers[0].waitUntilExit()
        let heldAtKill = Set(try store.tickets(status: .claimed).filter { $0.claimedBy == "w0" }.map(\.id))
        for worker in workers { worker.waitUntilExit() }
        #expect(workers[1].terminationStatus == 0 && workers[2].terminationStatus == 0)
        let rows = try store.tickets(status: nil)
        #expect(rows.count == 600 && rows.allSatisfy { $0.status == .done })
        let output = folder.appendingPathComponent("collected.jsonl").path
        var collect = try ChatbotCommand.parseAsRoot(["answer", "--collect", output, "--database-url", url])
        try collect.run()
        let ids = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").map { line in
            (try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(ids == (0..<600).map { "T\($0)" })
        #expect(!heldAtKill.isEmpty, "worker 0 was killed while holding tickets")
        #expect(rows.filter { heldAtKill.contains($0.id) }.allSatisfy { $0.attempts > 1 && $0.claimedBy != "w0" })
    }
}
