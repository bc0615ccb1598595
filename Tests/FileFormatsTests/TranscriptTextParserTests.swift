// Tests of plain-text transcripts: speaker lines, continuation lines, blank lines between
// conversations, custom speaker names, ids from file and line, and file:line problems.
import FileFormats
import Foundation
import Testing
import TestSupport

private let started = Date(timeIntervalSince1970: 1_772_442_840)

private func parse(_ text: String, options: TranscriptReadOptions = TranscriptReadOptions()) -> TranscriptFileParse {
    TranscriptReader.parse(text, file: "logs/march.txt", format: .text, options: options, started: started)
}

@Test func speakerLinesMakeTurnsAndBlankLinesSeparateConversations() throws {
    let text = """
        Customer: hi, where is my order?
        Agent: Happy to check. What's your order number?
        customer:   48213377
        BOT: Thanks!

        Customer: I want a refund
        it arrived broken
        Agent: Sorry: I have started your refund.
        """
    let parsed = parse(text + "\n")
    #expect(parsed.problems.isEmpty && parsed.skipped == 0)
    #expect(parsed.transcripts.map(\.id) == ["march.txt:1", "march.txt:6"])
    let first = parsed.transcripts[0]
    #expect(first.turns.map(\.role) == [.customer, .agent, .customer, .agent])
    #expect(first.turns.map(\.text) == ["hi, where is my order?", "Happy to check. What's your order number?", "48213377", "Thanks!"])
    #expect(first.turns.allSatisfy { $0.intent == nil && $0.feedback.isEmpty })
    #expect(first.location == SourceLocation(file: "logs/march.txt", line: 1))
    #expect(first.started == started && first.channel == .chat && first.status == nil)
    let second = parsed.transcripts[1]
    #expect(second.turns.map(\.text) == ["I want a refund\nit arrived broken", "Sorry: I have started your refund."])
    #expect(second.location.line == 6)
}

@Test func speakerNamesComeFromTheOptionsAndLineEndsAndBOMAreTolerated() {
    var options = TranscriptReadOptions()
    options.customerLabels = ["Kunde"]
    options.agentLabels = ["Support", "Anna"]
    let text = "\u{FEFF}Kunde: Wo ist meine Bestellung? 📦\r\nAnna: Schön, dass du fragst — einen Moment.\r\n\r\n\r\nKunde: 😀\r\nSupport: ✓\r\n"
    let parsed = parse(text, options: options)
    #expect(parsed.problems.isEmpty)
    #expect(parsed.transcripts.map { $0.turns.map(\.text) } == [
        ["Wo ist meine Bestellung? 📦", "Schön, dass du fragst — einen Moment."], ["😀", "✓"]])
    #expect(parsed.transcripts.map(\.id) == ["march.txt:1", "march.txt:5"])
    // The default names are no longer speakers: the line starts a conversation without one.
    let old = parse("Customer: hi\nAgent: hello\n", options: options)
    #expect(old.transcripts.isEmpty && old.skipped == 1)
    #expect(old.problems.map(\.description) == [
        "logs/march.txt:1: the line does not start with a speaker (Kunde, Support or Anna followed by \":\"; see --customer-label and --agent-label)"])
}

@Test func emptyAndTinyFilesAndLongMessagesRead() {
    #expect(parse("").transcripts.isEmpty && parse("").problems.isEmpty)
    #expect(parse("\n\n  \n").transcripts.isEmpty)
    let one = parse("Customer: ?")
    #expect(one.transcripts.first?.turns.map(\.text) == ["?"])
    let long = String(repeating: "where is my parcel ", count: 2_000)
    #expect(parse("Customer: \(long)\nAgent: ok").transcripts.first?.turns.first?.text == long.trimmingCharacters(in: .whitespaces))
}

@Test func badConversationsAreReportedWithFileAndLineAndTheOthersKept() {
    let text = """
        Customer: hi
        Agent: hello

        Hello there
        Customer: where is it

        Customer:
        Agent: Your order {order_id} ships today.

        Customer: thanks
        """
    let parsed = parse(text)
    #expect(parsed.transcripts.map(\.id) == ["march.txt:1", "march.txt:10"])
    #expect(parsed.skipped == 2)
    #expect(parsed.problems.map(\.description) == [
        "logs/march.txt:4: the line does not start with a speaker (Customer, Agent or Bot followed by \":\"; see --customer-label and --agent-label)",
        "logs/march.txt:7: empty message",
        "logs/march.txt:8: text contains placeholder {order_id}; transcripts hold filled-in text",
    ])
}

@Test func aFolderReadsEveryFormatByExtensionAndReportsUnreadableFiles() throws {
    let jsonl = #"{"id": "j-1", "channel": "chat", "started": "2026-03-02T09:14:00Z", "turns": [{"role": "customer", "text": "hi"}, {"role": "agent", "text": "Hello!"}]}"#
    let folder = try TestFixtures.folder([
        "a.jsonl": jsonl + "\n",
        "b.txt": "Customer: where is my order\nAgent: Which number?\n",
        "c.csv": "conversation_id,role,text\nc-1,customer,refund please\nc-1,agent,Done.\n",
        "notes.md": "not a transcript",
    ])
    defer { try? FileManager.default.removeItem(at: folder) }
    let read = try TranscriptReader.read(paths: [folder.path], shown: ["in"])
    #expect(read.map(\.id) == ["j-1", "b.txt:1", "c-1"])
    #expect(read.map(\.location.file) == ["in/a.jsonl", "in/b.txt", "in/c.csv"])
    // A file given by name is read in the format its extension (or the override) says.
    let asText = TestFixtures.problems {
        _ = try TranscriptReader.read(paths: [folder.appendingPathComponent("notes.md").path], shown: ["notes.md"],
                                      options: TranscriptReadOptions(format: .text))
    }
    #expect(asText.map(\.line) == [1])
    let problems = TestFixtures.problems {
        _ = try TranscriptReader.read(paths: [folder.appendingPathComponent("notes.md").path], shown: ["notes.md"])
    }
    #expect(problems.map(\.description) == ["notes.md: unknown transcript format (name it .jsonl, .txt or .csv, or give the format)"])
    let missing = TestFixtures.problems { _ = try TranscriptReader.read(paths: ["/nonexistent/x.txt"], shown: ["x.txt"]) }
    #expect(missing.map(\.description) == ["x.txt: no such file or folder"])
}
